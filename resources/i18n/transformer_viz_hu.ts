<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hu_HU">
<context>
    <name>AlignedRows</name>
    <message>
        <source>{name}: “{label}”, id {id}, characters {start}–{end}</source>
        <translation>{name}: „{label}”, azonosító {id}, karakterek: {start}–{end}</translation>
    </message>
</context>
<context>
    <name>AppState</name>
    <message>
        <source>Loading {0}…</source>
        <translation>{0} betöltése…</translation>
    </message>
    <message>
        <source>Running the model…</source>
        <translation>A modell fut…</translation>
    </message>
</context>
<context>
    <name>AttentionLines</name>
    <message>
        <source>query</source>
        <translation>lekérdezés</translation>
    </message>
    <message>
        <source>key</source>
        <translation>kulcs</translation>
    </message>
</context>
<context>
    <name>AttentionOverview</name>
    <message>
        <source>weight ÷ row maximum</source>
        <translation>súly ÷ sormaximum</translation>
    </message>
    <message>
        <source>head</source>
        <translation>fej</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>réteg</translation>
    </message>
    <message>
        <source>Point at a head to read it; click it to open it in detail; Shift-click to knock it out.</source>
        <translation>Mutass egy fejre, hogy leolvasd; kattints rá a részletes megnyitáshoz; Shift+kattintással kiütheted.</translation>
    </message>
    <message>
        <source>Thumbnails shrink {n} positions to {m} blocks, keeping each block&apos;s largest weight.</source>
        <translation>A bélyegképek {n} pozíciót {m} blokkba sűrítenek, és minden blokkból a legnagyobb súlyt mutatják.</translation>
    </message>
    <message>
        <source>Each row is scaled to its largest weight, so you see where each token looks most.</source>
        <translation>Minden sort a saját legnagyobb súlyához skálázunk, így látszik, hová figyel leginkább az egyes token.</translation>
    </message>
    <message>
        <source>Grey: masked (a token cannot attend to tokens after it).</source>
        <translation>Szürke: maszkolt (egy token nem figyelhet az utána következő tokenekre).</translation>
    </message>
    <message>
        <source>previous token</source>
        <translation>előző token</translation>
    </message>
    <message>
        <source>next token</source>
        <translation>következő token</translation>
    </message>
    <message>
        <source>first token</source>
        <translation>első token</translation>
    </message>
    <message>
        <source>the token itself</source>
        <translation>maga a token</translation>
    </message>
    <message>
        <source>{pattern}: &lt;a href=&quot;{l}:{h}&quot;&gt;layer {L}, head {H}&lt;/a&gt; ({w})</source>
        <translation>{pattern}: &lt;a href=&quot;{l}:{h}&quot;&gt;{L}. réteg, {H}. fej&lt;/a&gt; ({w})</translation>
    </message>
    <message>
        <source>Strongest heads for the textbook patterns (mean weight; {even} if spread evenly):</source>
        <translation>A tankönyvi minták legerősebb fejei (átlagos súly; egyenletes eloszlásnál {even}):</translation>
    </message>
    <message>
        <source>Layer {l}, head {h}: looks most at: {pattern} (mean weight {w}; {even} if spread evenly). Click to open it.</source>
        <translation>{l}. réteg, {h}. fej: leginkább ide néz: {pattern} (átlagos súly {w}; egyenletes eloszlásnál {even}). Kattints rá a megnyitásához.</translation>
    </message>
    <message>
        <source>Layer {l}, head {h}: largest weight {m:.3f}; looks most at: {pattern} (mean weight {w}; {even} if spread evenly). Click to open it.</source>
        <translation>{l}. réteg, {h}. fej: legnagyobb súly {m:.3f}; leginkább ide néz: {pattern} (átlagos súly {w}; egyenletes eloszlásnál {even}). Kattints rá a megnyitásához.</translation>
    </message>
    <message>
        <source>Against {b}: total variation {tv:.2f}.</source>
        <translation>{b} futáshoz képest: teljes variációs távolság {tv:.2f}.</translation>
    </message>
    <message>
        <source>Layer {l}, head {h}: no textbook pattern stands out. Click to open it.</source>
        <translation>{l}. réteg, {h}. fej: egyik tankönyvi minta sem emelkedik ki. Kattints rá a megnyitásához.</translation>
    </message>
    <message>
        <source>Layer {l}, head {h}: largest weight {m:.3f}. Click to open it.</source>
        <translation>{l}. réteg, {h}. fej: legnagyobb súly {m:.3f}. Kattints rá a megnyitásához.</translation>
    </message>
    <message>
        <source>Knock out this head</source>
        <translation>A fej kiütése</translation>
    </message>
</context>
<context>
    <name>AttentionToolbar</name>
    <message>
        <source>Encoder self</source>
        <translation>Kódoló önfigyelem</translation>
    </message>
    <message>
        <source>Decoder self</source>
        <translation>Dekódoló önfigyelem</translation>
    </message>
    <message>
        <source>Cross</source>
        <translation>Kereszt</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Áttekintés</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Részletek</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Vonalak</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Lépések</translation>
    </message>
    <message>
        <source>One head</source>
        <translation>Egy fej</translation>
    </message>
    <message>
        <source>Mean of heads</source>
        <translation>Fejek átlaga</translation>
    </message>
    <message>
        <source>Max of heads</source>
        <translation>Fejek maximuma</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <source>Mean and max combine the heads of the chosen layer. Rollout multiplies the head-averaged attention (plus the residual connection) through the layers up to the chosen one.</source>
        <translation>Az átlag és a maximum a kiválasztott réteg fejeit vonja össze. A rollout a fejekre átlagolt figyelmet (a reziduális kapcsolattal együtt) összeszorozza a rétegeken át a kiválasztottig.</translation>
    </message>
    <message>
        <source>Attention:</source>
        <translation>Figyelem:</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Réteg</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Fej</translation>
    </message>
</context>
<context>
    <name>AttentionView</name>
    <message>
        <source>Encoder self-attention</source>
        <translation>Kódoló önfigyelem</translation>
    </message>
    <message>
        <source>Decoder self-attention</source>
        <translation>Dekódoló önfigyelem</translation>
    </message>
    <message>
        <source>Cross-attention</source>
        <translation>Keresztfigyelem</translation>
    </message>
    <message>
        <source>Load a model and type a text to see where each token looks.</source>
        <translation>Tölts be egy modellt, és írj be egy szöveget, hogy lásd, hová figyel az egyes token.</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Figyelem</translation>
    </message>
    <message>
        <source>Each head of each layer decides how much every token (a row, the query) takes from every token (a column, the key); each row adds up to 1. The overview shows all heads at once: diagonal stripes look at neighbours, vertical stripes at one token everyone uses. Open a head to read exact weights, or step through the output to see which input tokens each generated token looked at.</source>
        <translation>Minden réteg minden feje eldönti, hogy az egyes tokenek (a sorok, a lekérdezések) mennyit vesznek át a többi tokenből (az oszlopokból, a kulcsokból); minden sor összege 1. Az áttekintés egyszerre mutatja az összes fejet: az átlós csíkok a szomszédokra figyelnek, a függőleges csíkok egyetlen tokenre, amelyet mindenki használ. Nyiss meg egy fejet a pontos súlyokért, vagy lépkedj végig a kimeneten, hogy lásd, melyik bemeneti tokenekre figyelt az egyes generált token.</translation>
    </message>
    <message>
        <source>This trace holds no attention weights.</source>
        <translation>Ez a futás nem tartalmaz figyelemsúlyokat.</translation>
    </message>
    <message>
        <source>The line view is offered for up to {limit} tokens.</source>
        <translation>A vonalas nézet legfeljebb {limit} tokenig érhető el.</translation>
    </message>
    <message>
        <source>Computing the rollout…</source>
        <translation>A rollout számítása…</translation>
    </message>
    <message>
        <source>attention flow (rollout)</source>
        <translation>figyelemáramlás (rollout)</translation>
    </message>
    <message>
        <source>Preparing the thumbnails…</source>
        <translation>A bélyegképek előkészítése…</translation>
    </message>
    <message>
        <source>An encoder reads all its tokens at once, so there are no decoding steps to walk through. Use Detail or Lines to see where each token looks.</source>
        <translation>A kódoló egyszerre olvassa az összes tokenjét, így nincsenek végigjárható dekódolási lépések. A Részletek vagy a Vonalak nézetben láthatod, hová figyel az egyes token.</translation>
    </message>
    <message>
        <source>{kind} · layer {l} · head {h}</source>
        <translation>{kind} · {l}. réteg · {h}. fej</translation>
    </message>
    <message>
        <source>shares keys and values with heads {a}–{b}</source>
        <translation>kulcsait és értékeit a(z) {a}–{b}. fejekkel közösen használja</translation>
    </message>
    <message>
        <source>{kind} · layer {l} · mean of the heads</source>
        <translation>{kind} · {l}. réteg · a fejek átlaga</translation>
    </message>
    <message>
        <source>{kind} · layer {l} · max of the heads</source>
        <translation>{kind} · {l}. réteg · a fejek maximuma</translation>
    </message>
    <message>
        <source>{kind} · rollout through layers 1–{l}</source>
        <translation>{kind} · rollout az 1–{l}. rétegen át</translation>
    </message>
    <message>
        <source>{kind} · {h} query heads, {g} per key/value head</source>
        <translation>{kind} · {h} lekérdezőfej, kulcs-/értékfejenként {g}</translation>
    </message>
    <message>
        <source>query: output token</source>
        <translation>lekérdezés: kimeneti token</translation>
    </message>
    <message>
        <source>key: input token</source>
        <translation>kulcs: bemeneti token</translation>
    </message>
    <message>
        <source>query: the token that looks</source>
        <translation>lekérdezés: a figyelő token</translation>
    </message>
    <message>
        <source>key: the token looked at</source>
        <translation>kulcs: a token, amelyre figyel</translation>
    </message>
    <message>
        <source>query \ key</source>
        <translation>lekérdezés \ kulcs</translation>
    </message>
    <message>
        <source>head {h}</source>
        <translation>{h}. fej</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>réteg</translation>
    </message>
    <message>
        <source>head</source>
        <translation>fej</translation>
    </message>
</context>
<context>
    <name>AttributionBars</name>
    <message>
        <source>contribution to log-probability</source>
        <translation>hozzájárulás a log-valószínűséghez</translation>
    </message>
</context>
<context>
    <name>AttributionPage</name>
    <message>
        <source>Integrated gradients</source>
        <translation>Integrált gradiensek</translation>
    </message>
    <message>
        <source>Gradient × input</source>
        <translation>Gradiens × bemenet</translation>
    </message>
    <message>
        <source>Attention × gradient</source>
        <translation>Figyelem × gradiens</translation>
    </message>
    <message>
        <source>padding tokens</source>
        <translation>kitöltő tokenek</translation>
    </message>
    <message>
        <source>zero vectors</source>
        <translation>nullvektorok</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Magyarázat</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Lépések</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Kiindulópont</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Módszer</translation>
    </message>
    <message>
        <source>log p = {lp} (p = {p} %). Orange tokens raised it, blue ones lowered it.</source>
        <translation>log p = {lp} (p = {p} %). A narancs tokenek növelték, a kékek csökkentették.</translation>
    </message>
    <message>
        <source>Completeness: the scores add up to {total}; f(x) − f(baseline) = {gap}; error {error} ({share} %).</source>
        <translation>Teljesség: a pontszámok összege {total}; f(x) − f(kiindulópont) = {gap}; eltérés {error} ({share} %).</translation>
    </message>
    <message>
        <source>Above 1 %: try more steps or the other baseline; where the output jumps along the path, the sum stays off.</source>
        <translation>1 % fölött: próbálj több lépést vagy a másik kiindulópontot; ahol a kimenet ugrál az úton, az összeg eltér marad.</translation>
    </message>
</context>
<context>
    <name>AttributionPanel</name>
    <message>
        <source>Share of the logit of {0} at position {1} ({2}) from each head and MLP. Click a head to open it in the Attention tab.</source>
        <translation>Az egyes fejek és MLP-k hozzájárulása a(z) {0} logitjához a(z) {1}. pozícióban ({2}). Egy fejre kattintva megnyílik a Figyelem lapon.</translation>
    </message>
    <message>
        <source>Logit {logit} = sum of the cells {cells} + embeddings {emb} + attention output biases {biases} + final-norm bias {nb} + head bias {hb} = {total}. The final {kind}&apos;s scale is frozen at its value on the last residual ({scale}), which makes the norm linear so the parts add up.</source>
        <translation>Logit {logit} = a cellák összege {cells} + beágyazások {emb} + a figyelem kimeneti eltolásai {biases} + a záró normalizálás eltolása {nb} + a fej eltolása {hb} = {total}. A záró {kind} skáláját az utolsó reziduális vektoron felvett értékén rögzítjük ({scale}); így a normalizálás lineáris, és a részek összeadódnak.</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>{0}. réteg</translation>
    </message>
    <message>
        <source>Layer {0}, {1}: {2} to the logit of {3}</source>
        <translation>{0}. réteg, {1}: {2} a(z) {3} logitjához</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>réteg</translation>
    </message>
    <message>
        <source>term</source>
        <translation>tag</translation>
    </message>
    <message>
        <source>value</source>
        <translation>érték</translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>beágyazások</translation>
    </message>
    <message>
        <source>attention output biases</source>
        <translation>a figyelem kimeneti eltolásai</translation>
    </message>
    <message>
        <source>final-norm bias</source>
        <translation>a záró normalizálás eltolása</translation>
    </message>
    <message>
        <source>head bias</source>
        <translation>a fej eltolása</translation>
    </message>
    <message>
        <source>logit</source>
        <translation>logit</translation>
    </message>
</context>
<context>
    <name>AttributionText</name>
    <message>
        <source>Position {i}: {score}</source>
        <translation>{i}. pozíció: {score}</translation>
    </message>
</context>
<context>
    <name>BankEditor</name>
    <message>
        <source>Example input</source>
        <translation>Példa bemenete</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Válasz</translation>
    </message>
    <message>
        <source>Decoders: put before the answer when it is scored after the prompt (usually a space)</source>
        <translation>Dekódereknél: ez kerül a válasz elé, amikor a prompt után pontozzuk (általában egy szóköz)</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Feladat:</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Kérdés:</translation>
    </message>
    <message>
        <source>Reference answer:</source>
        <translation>Helyes válasz:</translation>
    </message>
    <message>
        <source>Example template:</source>
        <translation>Példa sablonja:</translation>
    </message>
    <message>
        <source>Question template:</source>
        <translation>Kérdés sablonja:</translation>
    </message>
    <message>
        <source>Between examples:</source>
        <translation>Példák között:</translation>
    </message>
    <message>
        <source>Before the answer:</source>
        <translation>A válasz előtt:</translation>
    </message>
</context>
<context>
    <name>BitRow</name>
    <message>
        <source>sign</source>
        <translation>előjel</translation>
    </message>
    <message>
        <source>exponent</source>
        <translation>kitevő</translation>
    </message>
    <message>
        <source>mantissa</source>
        <translation>mantissza</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>egész</translation>
    </message>
    <message>
        <source>{name} ({n})</source>
        <translation>{name} ({n})</translation>
    </message>
</context>
<context>
    <name>BranchPanel</name>
    <message>
        <source>Tokens each branch adds (the chosen one included)</source>
        <translation>Ennyi tokent ad hozzá minden ág (a választottat is beleértve)</translation>
    </message>
    <message>
        <source>Generate from the prompt</source>
        <translation>Generálás a promptból</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Ág</translation>
    </message>
    <message>
        <source>log P</source>
        <translation>log P</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>A generated token of the selected branch</source>
        <translation>A kijelölt ág egy generált tokenje</translation>
    </message>
    <message>
        <source>The model&apos;s most likely tokens at that position</source>
        <translation>A modell legvalószínűbb tokenjei ezen a helyen</translation>
    </message>
    <message>
        <source>Continue from here</source>
        <translation>Folytatás innen</translation>
    </message>
    <message>
        <source>Tokens per branch:</source>
        <translation>Token áganként:</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Itt:</translation>
    </message>
    <message>
        <source>take</source>
        <translation>legyen inkább</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Generálás…</translation>
    </message>
    <message>
        <source>Continuing…</source>
        <translation>Folytatás…</translation>
    </message>
    <message>
        <source>token {n}: {token}</source>
        <translation>{n}. token: {token}</translation>
    </message>
</context>
<context>
    <name>Captions</name>
    <message>
        <source>{method} 1</source>
        <translation>{method} 1</translation>
    </message>
    <message>
        <source>{method} 2</source>
        <translation>{method} 2</translation>
    </message>
    <message>
        <source>PC{n} ({share:.1f}% of the variance)</source>
        <translation>PC{n} (a variancia {share:.1f}%-a)</translation>
    </message>
    <message>
        <source>embedding</source>
        <translation>beágyazás</translation>
    </message>
    <message>
        <source>layer {n}</source>
        <translation>{n}. réteg</translation>
    </message>
    <message>
        <source>{d}-dim → {k}-D by {method}, a non-linear map: near neighbours stay near, but the axes and the distances between far-apart groups mean nothing.</source>
        <translation>{d} dimenzió → {k}D, {method} módszerrel. Ez nemlineáris leképezés: a közeli szomszédok közel maradnak, de a tengelyeknek és az egymástól távoli csoportok közti távolságnak nincs jelentése.</translation>
    </message>
    <message>
        <source>PC{n} {share:.1f}%</source>
        <translation>PC{n} {share:.1f}%</translation>
    </message>
    <message>
        <source>{d}-dim → 3-D by PCA; the three components explain {total:.1f}% of the variance ({parts}).</source>
        <translation>{d} dimenzió → 3D, PCA-val; a három főkomponens a variancia {total:.1f}%-át magyarázza ({parts}).</translation>
    </message>
    <message>
        <source>{d}-dim → 2-D by PCA; the two components explain {total:.1f}% of the variance ({parts}).</source>
        <translation>{d} dimenzió → 2D, PCA-val; a két főkomponens a variancia {total:.1f}%-át magyarázza ({parts}).</translation>
    </message>
    <message>
        <source>{n} vocabulary entries, one point each.</source>
        <translation>{n} szókincselem, mindegyik egy pont.</translation>
    </message>
    <message>
        <source>Orange: the prompt&apos;s tokens. Magenta: the selected token&apos;s nearest neighbours (cosine similarity in all {d} dimensions).</source>
        <translation>Narancs: a bemeneti szöveg tokenjei. Bíbor: a kiválasztott token legközelebbi szomszédai (koszinusz-hasonlóság mind a(z) {d} dimenzióban).</translation>
    </message>
    <message>
        <source>{t} tokens at {l} depths (the embedding output and {b} layers), all in one PCA space fitted on every depth&apos;s vectors together.</source>
        <translation>{t} token {l} mélységben (a beágyazás kimenete és {b} réteg), mind egyetlen PCA-térben, amelyet az összes mélység vektoraira együtt illesztettünk.</translation>
    </message>
    <message>
        <source>Dot colour: depth, from dark (embedding output) to yellow (last layer).</source>
        <translation>A pont színe: a mélység, a sötéttől (beágyazás kimenete) a sárgáig (utolsó réteg).</translation>
    </message>
    <message>
        <source>Every vector was scaled to length 1: only directions count.</source>
        <translation>Minden vektort 1 hosszúságúra skáláztunk: csak az irány számít.</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <source>MIT (modified)</source>
        <translation>MIT (módosított)</translation>
    </message>
    <message>
        <source>The decoder that made text generation popular; byte-level BPE, 1,024 positions.</source>
        <translation>A dekóder, amely népszerűvé tette a szöveggenerálást; bájtszintű BPE, 1024 pozíció.</translation>
    </message>
    <message>
        <source>proprietary</source>
        <translation>zárt, saját licenc</translation>
    </message>
    <message>
        <source>Weights never released; reachable only through OpenAI&apos;s API. Same design as GPT-2, much larger.</source>
        <translation>A súlyait sosem adták ki; csak az OpenAI API-ján érhető el. Felépítése a GPT-2-é, csak sokkal nagyobb.</translation>
    </message>
    <message>
        <source>110M (base), 340M (large)</source>
        <translation>110M (base), 340M (large)</translation>
    </message>
    <message>
        <source>Encoder trained by filling in masked words; WordPiece tokens.</source>
        <translation>Letakart szavak kitalálására tanított enkóder; WordPiece tokenek.</translation>
    </message>
    <message>
        <source>T5 fine-tuned on more than 1,800 instruction tasks; follows prompts such as &quot;translate English to German: …&quot;.</source>
        <translation>Több mint 1800 utasításos feladaton finomhangolt T5; követi az olyan utasításokat, mint a „translate English to German: …”.</translation>
    </message>
    <message>
        <source>Meta&apos;s community licences (LLaMA 1: research only)</source>
        <translation>a Meta közösségi licencei (LLaMA 1: csak kutatásra)</translation>
    </message>
    <message>
        <source>Open-weight decoders (RoPE, SwiGLU, RMSNorm); the Hub asks you to accept Meta&apos;s licence and log in. TinyLlama has the same design and no gate.</source>
        <translation>Nyílt súlyú dekóderek (RoPE, SwiGLU, RMSNorm); a Hub kéri a Meta licencének elfogadását és bejelentkezést. A TinyLlama felépítése ugyanez, és nincs korlátozva.</translation>
    </message>
    <message>
        <source>BigScience RAIL 1.0 (use restrictions)</source>
        <translation>BigScience RAIL 1.0 (felhasználási korlátozásokkal)</translation>
    </message>
    <message>
        <source>Open multilingual decoder (46 languages, 13 programming languages), ALiBi positions.</source>
        <translation>Nyílt, többnyelvű dekóder (46 nyelv, 13 programozási nyelv), ALiBi pozíciókódolás.</translation>
    </message>
    <message>
        <source>PaLM&apos;s weights were never made public, so no tool can load it. Nearest open models: Gemma (Google&apos;s open decoders), FLAN-T5 (the same FLAN instruction tuning as Flan-PaLM), Llama (PaLM&apos;s SwiGLU and rotary positions) and BLOOM 176B (the open model nearest in size).</source>
        <translation>A PaLM súlyait sosem tették nyilvánossá, így semmilyen eszköz nem tudja betölteni. A legközelebbi nyílt modellek: Gemma (a Google nyílt dekóderei), FLAN-T5 (ugyanaz a FLAN utasításos finomhangolás, mint a Flan-PaLM-é), Llama (a PaLM SwiGLU-ja és forgó pozíciókódolása) és BLOOM 176B (méretben a legközelebbi nyílt modell).</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <source>Model catalogue</source>
        <translation>Modellkatalógus</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Család</translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation>Méretek</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licenc</translation>
    </message>
    <message>
        <source>Open weights</source>
        <translation>Nyílt súlyok</translation>
    </message>
    <message>
        <source>Open models load from the Hugging Face Hub (a network connection, or a copy in the local cache). Gated ones need the licence accepted on the Hub and a login.</source>
        <translation>A nyílt modellek a Hugging Face Hubról töltődnek be (hálózati kapcsolattal vagy a helyi gyorsítótárból). A korlátozottakhoz el kell fogadni a licencet a Hubon, és be kell jelentkezni.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>igen</translation>
    </message>
    <message>
        <source>no, not public</source>
        <translation>nem, nem nyilvános</translation>
    </message>
    <message>
        <source>nearest open model: </source>
        <translation>legközelebbi nyílt modell: </translation>
    </message>
    <message>
        <source> (gated)</source>
        <translation> (korlátozott)</translation>
    </message>
    <message>
        <source>Double-click to load {id}</source>
        <translation>Dupla kattintással betölti: {id}</translation>
    </message>
</context>
<context>
    <name>ChartLegend</name>
    <message>
        <source>logit ÷ temperature, kept</source>
        <translation>logit ÷ hőmérséklet, megtartva</translation>
    </message>
    <message>
        <source>after temperature, kept</source>
        <translation>a hőmérséklet után, megtartva</translation>
    </message>
    <message>
        <source>raw logit</source>
        <translation>nyers logit</translation>
    </message>
    <message>
        <source>before temperature</source>
        <translation>a hőmérséklet előtt</translation>
    </message>
    <message>
        <source>cut by top-k / top-p</source>
        <translation>top-k / top-p levágta</translation>
    </message>
    <message>
        <source>drawn with (renormalised)</source>
        <translation>ezzel húzunk (újranormálva)</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>Next-token KL(A ‖ B)</source>
        <translation>Következő token: KL(A ‖ B)</translation>
    </message>
    <message>
        <source>position (token of run A)</source>
        <translation>pozíció (az A futás tokenje)</translation>
    </message>
    <message>
        <source>nats</source>
        <translation>nat</translation>
    </message>
    <message>
        <source>same top-1 token</source>
        <translation>első helyen azonos</translation>
    </message>
    <message>
        <source>top-1 flips</source>
        <translation>első hely változik</translation>
    </message>
    <message>
        <source>probability (%)</source>
        <translation>valószínűség (%)</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>Compare tokenizers</source>
        <translation>Tokenizálók összehasonlítása</translation>
    </message>
    <message>
        <source>Add tokenizer folder…</source>
        <translation>Tokenizálómappa hozzáadása…</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Tokenizáló</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Fajta</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Szókincs</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokenek</translation>
    </message>
    <message>
        <source>Characters per token</source>
        <translation>Karakter tokenenként</translation>
    </message>
    <message>
        <source>Folder with tokenizer files</source>
        <translation>Tokenizálófájlokat tartalmazó mappa</translation>
    </message>
    <message>
        <source>Tokenizing with {n} tokenizers…</source>
        <translation>Tokenizálás {n} tokenizálóval…</translation>
    </message>
    <message>
        <source>Comparing tokenizers</source>
        <translation>Tokenizálók összehasonlítása</translation>
    </message>
    <message>
        <source>byte-level {model}</source>
        <translation>bájtszintű {model}</translation>
    </message>
    <message>
        <source>{model} (SentencePiece)</source>
        <translation>{model} (SentencePiece)</translation>
    </message>
    <message>
        <source>, byte fallback</source>
        <translation>, bájtos tartalékkal</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ismeretlen</translation>
    </message>
    <message>
        <source>No other tokenizer to compare with yet: bundled models, or a folder you add, appear here.</source>
        <translation>Még nincs másik tokenizáló az összehasonlításhoz: a mellékelt modellek, illetve az általad hozzáadott mappák itt jelennek meg.</translation>
    </message>
    <message>
        <source>Boxes are as wide as the characters they cover. Grey: every tokenizer cuts there the same way; coloured: they differ.</source>
        <translation>A dobozok olyan szélesek, mint az általuk lefedett karakterek. Szürke: ott minden tokenizáló ugyanúgy vág; színes: eltérnek.</translation>
    </message>
    <message>
        <source>{n} tokens</source>
        <translation>{n} token</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>another text</source>
        <translation>másik szöveg</translation>
    </message>
    <message>
        <source>another number format</source>
        <translation>más számformátum</translation>
    </message>
    <message>
        <source>another model</source>
        <translation>másik modell</translation>
    </message>
    <message>
        <source>Text B (run A is the text above)</source>
        <translation>B szöveg (az A futás a fenti szöveg)</translation>
    </message>
    <message>
        <source>Model B: a bundled name, a folder or a Hub id</source>
        <translation>B modell: beépített név, mappa vagy Hub-azonosító</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Összevetés</translation>
    </message>
    <message>
        <source>token A</source>
        <translation>A token</translation>
    </message>
    <message>
        <source>token B</source>
        <translation>B token</translation>
    </message>
    <message>
        <source>KL</source>
        <translation>KL</translation>
    </message>
    <message>
        <source>top-1 A</source>
        <translation>A legvalószínűbb</translation>
    </message>
    <message>
        <source>top-1 B</source>
        <translation>B legvalószínűbb</translation>
    </message>
    <message>
        <source>Run B:</source>
        <translation>B futás:</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Pozíciók</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>Fejek</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Egymás mellett</translation>
    </message>
    <message>
        <source>Two runs side by side, position by position: the loaded model on your text (A), and on a second text, the same text with the model in another number format, on another model (loaded only when it fits beside the first), or on a fine-tuned copy from the Fine-tune tab (B). The Heads page shows, for one text, how differently each head attends. Each bar is the KL divergence of B&apos;s next-token distribution from A&apos;s at that position, in nats: 0 means they predict alike. Orange bars mark positions where the most likely next token changes. A run compared with itself shows zero everywhere. The Side by side page sets the two runs next to each other: their tokens (an orange outline marks another token at that position), one attention head on one colour scale, the next-token candidates at the position you click in the chart or the table, and the logit lens.</source>
        <translation>Két futás egymás mellett, pozícióról pozícióra: a betöltött modell a saját szövegeden (A), és egy másik szövegen, ugyanazon a szövegen más számformátumban, egy másik modellel (csak akkor töltődik be, ha elfér az első mellett), vagy a Hangolás lapon finomhangolt példánnyal (B). A Fejek lap egyetlen szövegnél azt mutatja, mennyire másképp figyelnek az egyes fejek. Minden oszlop azt mutatja, mennyire tér el (KL-divergencia, nat-ban) a B futás következő tokenre adott eloszlása az A-étól azon a helyen: 0 azt jelenti, hogy ugyanúgy jósolnak. A narancssárga oszlopok ott vannak, ahol megváltozik a legvalószínűbb következő token. Egy futást önmagával összevetve mindenhol nulla jön ki. Az Egymás mellett lap a két futást egymás mellé teszi: a tokenjeiket (narancssárga keret jelzi, ha azon a pozíción másik token áll), egy figyelemfejet közös színskálán, a következő token jelöltjeit a diagramon vagy a táblázatban kiválasztott pozíción, és a logitlencsét.</translation>
    </message>
    <message>
        <source>Another model is loaded: compare again to see two runs side by side.</source>
        <translation>Másik modell töltődött be: vesd össze újra a két futást, hogy egymás mellett lásd őket.</translation>
    </message>
    <message>
        <source>Load a model and type a text first.</source>
        <translation>Előbb tölts be egy modellt, és írj be egy szöveget.</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Összevetés…</translation>
    </message>
    <message>
        <source>Name model B first: a bundled name, a folder or a Hub id.</source>
        <translation>Előbb add meg a B modellt: beépített nevet, mappát vagy Hub-azonosítót.</translation>
    </message>
    <message>
        <source>Loading model B…</source>
        <translation>A B modell betöltése…</translation>
    </message>
    <message>
        <source>Loading the second copy…</source>
        <translation>A második példány betöltése…</translation>
    </message>
    <message>
        <source>{n} positions · mean KL {mean} nats · {flips} top-1 flips</source>
        <translation>{n} pozíció · átlagos KL {mean} nat · {flips} helyen változik a legvalószínűbb token</translation>
    </message>
    <message>
        <source>A: {a} · B: {b}</source>
        <translation>A: {a} · B: {b}</translation>
    </message>
    <message>
        <source> · the second copy needed {mb} MB while it ran</source>
        <translation> · a második példány futás közben {mb} MB-ot foglalt</translation>
    </message>
    <message>
        <source>text B</source>
        <translation>B szöveg</translation>
    </message>
    <message>
        <source>A: the text above</source>
        <translation>A: a fenti szöveg</translation>
    </message>
    <message>
        <source>B: text B</source>
        <translation>B: a B szöveg</translation>
    </message>
    <message>
        <source>A: {run}</source>
        <translation>A: {run}</translation>
    </message>
    <message>
        <source>B: {run}</source>
        <translation>B: {run}</translation>
    </message>
</context>
<context>
    <name>Controls</name>
    <message>
        <source>Vocabulary</source>
        <translation>Szókincs</translation>
    </message>
    <message>
        <source>Prompt through the layers</source>
        <translation>A szöveg a rétegeken át</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <source>UMAP</source>
        <translation>UMAP</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>UMAP and t-SNE appear when the umap-learn or scikit-learn package is installed.</source>
        <translation>Az UMAP és a t-SNE akkor jelenik meg, ha az umap-learn vagy a scikit-learn csomag telepítve van.</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Módszer:</translation>
    </message>
    <message>
        <source>3-D</source>
        <translation>3D</translation>
    </message>
    <message>
        <source>Directions only</source>
        <translation>Csak irányok</translation>
    </message>
    <message>
        <source>Scale every hidden state to length 1 first, so a few very long vectors cannot take the whole picture.</source>
        <translation>Előbb minden rejtett állapotot 1 hosszúságúra skálázunk, hogy néhány nagyon hosszú vektor ne uralja az egész képet.</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>Kódoló</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>Dekódoló</translation>
    </message>
</context>
<context>
    <name>DistributionChart</name>
    <message>
        <source>logit</source>
        <translation>logit</translation>
    </message>
    <message>
        <source>probability (%)</source>
        <translation>valószínűség (%)</translation>
    </message>
</context>
<context>
    <name>EmbeddingsView</name>
    <message>
        <source>Embeddings</source>
        <translation>Beágyazás</translation>
    </message>
    <message>
        <source>Every token the model knows is a vector of hundreds of numbers, its embedding. Here those vectors are squashed onto a flat picture: tokens the model treats alike tend to land close together. Click a token to list the tokens whose vectors point most nearly the same way (cosine similarity). &apos;Prompt through the layers&apos; follows your text&apos;s tokens from layer to layer: context moves them.</source>
        <translation>A modell minden ismert tokenje egy több száz számból álló vektor, a beágyazása. Itt ezeket a vektorokat egy sík képre préseljük: azok a tokenek, amelyeket a modell hasonlóan kezel, általában egymás közelébe kerülnek. Kattints egy tokenre, és megkapod azokat a tokeneket, amelyek vektora a leginkább ugyanarra mutat (koszinusz-hasonlóság). „A szöveg a rétegeken át” a szöveged tokenjeit követi rétegről rétegre: a szövegkörnyezet elmozdítja őket.</translation>
    </message>
    <message>
        <source>3-D is not available: {reason} Showing the 2-D view.</source>
        <translation>A 3D nézet nem érhető el: {reason} A 2D nézet látható.</translation>
    </message>
    <message>
        <source>Load a model to see its vocabulary.</source>
        <translation>Tölts be egy modellt, hogy lásd a szókincsét.</translation>
    </message>
    <message>
        <source>Projecting the vocabulary ({n} tokens) by {method}…</source>
        <translation>A szókincs ({n} token) vetítése {method} módszerrel…</translation>
    </message>
    <message>
        <source>Projecting</source>
        <translation>Vetítés</translation>
    </message>
    <message>
        <source>Type a text to follow its tokens through the layers.</source>
        <translation>Írj be egy szöveget, hogy követhesd a tokenjeit a rétegeken át.</translation>
    </message>
    <message>
        <source>No token matches “{text}”.</source>
        <translation>Egyik token sem illeszkedik erre: „{text}”.</translation>
    </message>
</context>
<context>
    <name>ExamplesTable</name>
    <message>
        <source>Task</source>
        <translation>Feladat</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Előtte</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Utána</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Every answer is exactly right: no wrong answer to show.</source>
        <translation>Minden válasz pontosan jó: nincs mutatható hibás válasz.</translation>
    </message>
    <message>
        <source>&lt;b&gt;A wrong answer that still scores well:&lt;/b&gt; “{output}” for “{reference}”: ROUGE-1 {r1}, ROUGE-L {rl}, BLEU {bleu}, but exact match 0. Overlap metrics count shared words, not correctness.</source>
        <translation>&lt;b&gt;Hibás válasz, mégis jó pontszámmal:&lt;/b&gt; „{output}” a(z) „{reference}” helyett: ROUGE-1 {r1}, ROUGE-L {rl}, BLEU {bleu}, de a pontos egyezés 0. Az átfedésen alapuló mértékek a közös szavakat számolják, nem a helyességet.</translation>
    </message>
</context>
<context>
    <name>ExportCommands</name>
    <message>
        <source>Copied the picture of “{0}” to the clipboard</source>
        <translation>A(z) „{0}” nézet képe a vágólapra került</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-kép (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-rajz (*.svg)</translation>
    </message>
    <message>
        <source>Nothing to export yet: load a model and type a text first.</source>
        <translation>Még nincs mit exportálni: előbb tölts be egy modellt, és írj be egy szöveget.</translation>
    </message>
    <message>
        <source>Export trace</source>
        <translation>Futási adatok exportálása</translation>
    </message>
    <message>
        <source>NumPy arrays (*.npz)</source>
        <translation>NumPy-tömbök (*.npz)</translation>
    </message>
    <message>
        <source>“{0}” has no tables to export.</source>
        <translation>A(z) „{0}” nézetnek nincs exportálható táblázata.</translation>
    </message>
    <message>
        <source>Export tables</source>
        <translation>Táblázatok exportálása</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV-táblázat (*.csv)</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Nézet exportálása</translation>
    </message>
    <message>
        <source>Could not export to {path}: {reason}</source>
        <translation>Nem sikerült az exportálás ide: {path} ({reason})</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Mentve: {path}</translation>
    </message>
</context>
<context>
    <name>FewShot</name>
    <message>
        <source>Probability of the reference answer</source>
        <translation>A helyes válasz valószínűsége</translation>
    </message>
    <message>
        <source>examples in the prompt (k)</source>
        <translation>példák a promptban (k)</translation>
    </message>
    <message>
        <source>P(answer)</source>
        <translation>P(válasz)</translation>
    </message>
    <message>
        <source>{p}
rank {rank}</source>
        <translation>{p}
{rank}. hely</translation>
    </message>
</context>
<context>
    <name>FewShotTask</name>
    <message>
        <source>normalize date</source>
        <translation>dátum egységesítése</translation>
    </message>
    <message>
        <source>number to words</source>
        <translation>szám betűkkel</translation>
    </message>
    <message>
        <source>words to number</source>
        <translation>betűkből szám</translation>
    </message>
    <message>
        <source>reverse</source>
        <translation>megfordítás</translation>
    </message>
    <message>
        <source>plural of a noun</source>
        <translation>főnév többes száma</translation>
    </message>
    <message>
        <source>capital of a country</source>
        <translation>ország fővárosa</translation>
    </message>
</context>
<context>
    <name>FewShotView</name>
    <message>
        <source>Prompt with</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>{k}-shot</source>
        <translation>{k} példával</translation>
    </message>
    <message>
        <source>Few-shot</source>
        <translation>Példák</translation>
    </message>
    <message>
        <source>In-context learning: the same question asked with 0, 1, 2 or 4 worked examples before it. The prompt is shown exactly as the model receives it, built from the template on the left; the coloured text is the reference answer, whose probability the model gives (teacher forcing). Small models often need the examples; a model trained on one exact input form (demo-t5) can be thrown off by them. Edit the examples, the question or the template and the scores follow.</source>
        <translation>Tanulás a kontextusból: ugyanaz a kérdés 0, 1, 2 vagy 4 kidolgozott példa után. A prompt pontosan úgy látszik, ahogy a modell megkapja, a bal oldali sablonból összerakva; a színes szöveg a helyes válasz, amelynek valószínűségét a modell megadja (tanári kényszerítéssel). A kis modelleknek gyakran kellenek a példák; egy pontosan egyféle bemenetre tanított modellt (demo-t5) viszont megzavarhatnak. Írd át a példákat, a kérdést vagy a sablont, és a pontszámok követik.</translation>
    </message>
    <message>
        <source>Scoring the answer…</source>
        <translation>A válasz pontozása…</translation>
    </message>
    <message>
        <source>The bank has only {n} examples.</source>
        <translation>A gyűjteményben csak {n} példa van.</translation>
    </message>
    <message>
        <source>, {n} tokens</source>
        <translation>, {n} token</translation>
    </message>
    <message>
        <source>Encoder input, exactly as sent{tokens}; below it, in colour, the output whose probability is measured:</source>
        <translation>Az enkóder bemenete, pontosan úgy, ahogy elküldtük{tokens}; alatta színesen a kimenet, amelynek valószínűségét mérjük:</translation>
    </message>
    <message>
        <source>The prompt, exactly as sent{tokens}, and in colour the answer whose probability is measured:</source>
        <translation>A prompt, pontosan úgy, ahogy elküldtük{tokens}, és színesen a válasz, amelynek valószínűségét mérjük:</translation>
    </message>
</context>
<context>
    <name>Finetune</name>
    <message>
        <source>Training loss</source>
        <translation>Tanítási veszteség</translation>
    </message>
    <message>
        <source>step</source>
        <translation>lépés</translation>
    </message>
    <message>
        <source>loss (cross-entropy)</source>
        <translation>veszteség (keresztentrópia)</translation>
    </message>
    <message>
        <source>{method} (running)</source>
        <translation>{method} (fut)</translation>
    </message>
    <message>
        <source>Singular values of the weight update</source>
        <translation>A súlymódosítás szinguláris értékei</translation>
    </message>
    <message>
        <source>index (largest first)</source>
        <translation>sorszám (a legnagyobb elöl)</translation>
    </message>
    <message>
        <source>singular value</source>
        <translation>szinguláris érték</translation>
    </message>
    <message>
        <source>full ΔW: {n} numbers</source>
        <translation>teljes ΔW: {n} szám</translation>
    </message>
    <message>
        <source>LoRA B·A, r = {r}: {n} numbers</source>
        <translation>LoRA B·A, r = {r}: {n} szám</translation>
    </message>
    <message>
        <source>normalize time (new)</source>
        <translation>időpont normalizálása (új)</translation>
    </message>
    <message>
        <source>normalize date</source>
        <translation>dátum normalizálása</translation>
    </message>
    <message>
        <source>number to words</source>
        <translation>számból szavak</translation>
    </message>
    <message>
        <source>words to number</source>
        <translation>szavakból szám</translation>
    </message>
    <message>
        <source>reverse</source>
        <translation>megfordítás</translation>
    </message>
    <message>
        <source>your file</source>
        <translation>saját fájl</translation>
    </message>
    <message>
        <source>time (new)</source>
        <translation>időpont (új)</translation>
    </message>
    <message>
        <source>date</source>
        <translation>dátum</translation>
    </message>
    <message>
        <source>to words</source>
        <translation>szavakká</translation>
    </message>
    <message>
        <source>to number</source>
        <translation>számmá</translation>
    </message>
    <message>
        <source>Full fine-tuning</source>
        <translation>Teljes finomhangolás</translation>
    </message>
    <message>
        <source>Selective (chosen layers)</source>
        <translation>Szelektív (kiválasztott rétegek)</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>Prompt tuning</source>
        <translation>Prompthangolás</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>pontos egyezés</translation>
    </message>
    <message>
        <source>Scoring the model before training…</source>
        <translation>A modell pontozása tanítás előtt…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Tanítás…</translation>
    </message>
    <message>
        <source>Scoring the tuned model…</source>
        <translation>A hangolt modell pontozása…</translation>
    </message>
</context>
<context>
    <name>FinetuneView</name>
    <message>
        <source>Loss</source>
        <translation>Veszteség</translation>
    </message>
    <message>
        <source>Before / after</source>
        <translation>Előtte / utána</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Példák</translation>
    </message>
    <message>
        <source>Low rank</source>
        <translation>Alacsony rang</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>Hangolás</translation>
    </message>
    <message>
        <source>Fine-tuning trains a pre-trained model further on prompt–completion pairs of one task. Full fine-tuning changes every weight; selective tuning only chosen layers; LoRA adds a small low-rank update B·A to chosen matrices; prompt tuning learns a few virtual tokens put in front of every input. Training works on a copy: the loaded model stays as it is until you press Use in all views; Compare with base sets the two side by side in the Compare tab. Before / after scores held-out examples of every task, so you see the tuned task rise and the others fall (catastrophic forgetting); mixing in a share of the old tasks keeps them. ROUGE and BLEU count shared words, so a wrong answer can still score well.</source>
        <translation>A finomhangolás egy előtanított modellt tanít tovább egy feladat prompt–válasz párjain. A teljes finomhangolás minden súlyt módosít; a szelektív csak a kiválasztott rétegeket; a LoRA kis, alacsony rangú B·A módosítást ad a kiválasztott mátrixokhoz; a prompthangolás néhány virtuális tokent tanul, amely minden bemenet elé kerül. A tanítás egy másolaton fut: a betöltött modell változatlan marad, amíg meg nem nyomod a Használat minden nézetben gombot; az Összevetés az alapmodellel gomb a kettőt egymás mellé teszi az Összevetés lapon. Az Előtte / utána minden feladat félretett példáit pontozza, így látszik, ahogy a hangolt feladat javul, a többi pedig romlik (katasztrofális felejtés); ha a régi feladatokból is keversz a tanításba, azok megmaradnak. A ROUGE és a BLEU a közös szavakat számolja, így egy hibás válasz is kaphat jó pontszámot.</translation>
    </message>
    <message>
        <source>Fine-tuning here needs a model that generates text: a decoder or an encoder-decoder.</source>
        <translation>A finomhangoláshoz szöveget generáló modell kell: dekóder vagy enkóder–dekóder.</translation>
    </message>
    <message>
        <source>⚠ {message}</source>
        <translation>⚠ {message}</translation>
    </message>
    <message>
        <source>Cancelled; the model is unchanged.</source>
        <translation>Megszakítva; a modell változatlan.</translation>
    </message>
    <message>
        <source>Step {step} of {steps} · loss {loss} · {seconds} s</source>
        <translation>{step}. lépés / {steps} · veszteség {loss} · {seconds} s</translation>
    </message>
    <message>
        <source>Trained in {seconds} s.</source>
        <translation>Tanítás: {seconds} s.</translation>
    </message>
    <message>
        <source>Exact match on the tuned task: {before} → {after}.</source>
        <translation>Pontos egyezés a hangolt feladaton: {before} → {after}.</translation>
    </message>
    <message>
        <source>LoRA r={r}</source>
        <translation>LoRA r={r}</translation>
    </message>
    <message>
        <source>prompt tuning, {n} tokens</source>
        <translation>prompthangolás, {n} token</translation>
    </message>
    <message>
        <source>Save the tuned model into a folder</source>
        <translation>A hangolt modell mentése mappába</translation>
    </message>
    <message>
        <source>Saved {n} files to {folder}.</source>
        <translation>{n} fájl mentve ide: {folder}.</translation>
    </message>
    <message>
        <source>Folding the update into a copy of the weights…</source>
        <translation>A frissítés beolvasztása a súlyok egy másolatába…</translation>
    </message>
    <message>
        <source>Merged: {name}.</source>
        <translation>Beolvasztva: {name}.</translation>
    </message>
</context>
<context>
    <name>ForgettingTable</name>
    <message>
        <source>Train to see how each task&apos;s held-out scores change.</source>
        <translation>Taníts, és látod, hogyan változnak az egyes feladatok félretett példáin mért pontszámok.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Feladat</translation>
    </message>
    <message>
        <source>{task} (tuned on)</source>
        <translation>{task} (erre hangolva)</translation>
    </message>
    <message>
        <source>Held-out examples, never trained on: the tuned task (in bold) should rise; the others show what was forgotten.</source>
        <translation>Félretett, soha nem tanított példák: a hangolt feladatnak (félkövér) javulnia kell; a többin látszik, mit felejtett el a modell.</translation>
    </message>
    <message>
        <source>Cancelled: scores before only.</source>
        <translation>Megszakítva: csak a tanítás előtti pontszámok.</translation>
    </message>
</context>
<context>
    <name>FormatsPanel</name>
    <message>
        <source>Any number: 0.1, -2.5e-3, 70000, inf</source>
        <translation>Bármilyen szám: 0.1, -2.5e-3, 70000, inf</translation>
    </message>
    <message>
        <source>INT8 stores ±127 steps of scale = range / 127</source>
        <translation>Az INT8 ±127 lépést tárol, a lépésköz = tartomány / 127</translation>
    </message>
    <message>
        <source>Largest weight</source>
        <translation>Legnagyobb súly</translation>
    </message>
    <message>
        <source>Random weight</source>
        <translation>Véletlen súly</translation>
    </message>
    <message>
        <source>per-channel range</source>
        <translation>csatornánkénti tartomány</translation>
    </message>
    <message>
        <source>per-tensor range</source>
        <translation>tenzoronkénti tartomány</translation>
    </message>
    <message>
        <source>Which int8 scale the picked weight gets: its output channel&apos;s, or the whole layer&apos;s</source>
        <translation>Melyik int8 lépésközt kapja a kiválasztott súly: a kimeneti csatornájáét vagy az egész rétegét</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Szám:</translation>
    </message>
    <message>
        <source>INT8 range ±</source>
        <translation>INT8-tartomány ±</translation>
    </message>
    <message>
        <source>or pick from layer:</source>
        <translation>vagy válassz egy rétegből:</translation>
    </message>
    <message>
        <source>sign</source>
        <translation>előjel</translation>
    </message>
    <message>
        <source>exponent</source>
        <translation>kitevő</translation>
    </message>
    <message>
        <source>mantissa</source>
        <translation>mantissza</translation>
    </message>
    <message>
        <source>integer (two&apos;s complement)</source>
        <translation>egész (kettes komplemens)</translation>
    </message>
    <message>
        <source>Full colour = 1, pale = 0.</source>
        <translation>Teli szín = 1, halvány = 0.</translation>
    </message>
    <message>
        <source>FP32</source>
        <translation>FP32</translation>
    </message>
    <message>
        <source>FP16</source>
        <translation>FP16</translation>
    </message>
    <message>
        <source>BF16</source>
        <translation>BF16</translation>
    </message>
    <message>
        <source>INT8</source>
        <translation>INT8</translation>
    </message>
    <message>
        <source>{name}  [{out}×{inp}]</source>
        <translation>{name}  [{out}×{inp}]</translation>
    </message>
    <message>
        <source>{layer} [output {out}, input {inp}]: output channel {out} spans ±{channel}; the whole layer ±{tensor}.</source>
        <translation>{layer} [kimenet {out}, bemenet {inp}]: a(z) {out}. kimeneti csatorna tartománya ±{channel}; az egész rétegé ±{tensor}.</translation>
    </message>
    <message>
        <source>Type a number, like 0.1 or -3.5e-4.</source>
        <translation>Írj be egy számot, például 0.1 vagy -3.5e-4.</translation>
    </message>
    <message>
        <source>stores NaN (not a number)</source>
        <translation>NaN-t tárol (nem szám)</translation>
    </message>
    <message>
        <source>stores {inf}: the number is beyond this format&apos;s range</source>
        <translation>{inf} értéket tárol: a szám kívül esik a formátum tartományán</translation>
    </message>
    <message>
        <source>stores &lt;b&gt;{stored}&lt;/b&gt; &amp;nbsp; (error {error})</source>
        <translation>tárolt érték: &lt;b&gt;{stored}&lt;/b&gt; &amp;nbsp; (hiba: {error})</translation>
    </message>
    <message>
        <source>= (−1)&lt;sup&gt;{s}&lt;/sup&gt; × 2&lt;sup&gt;{field} − {bias}&lt;/sup&gt; × {sig}</source>
        <translation>= (−1)&lt;sup&gt;{s}&lt;/sup&gt; × 2&lt;sup&gt;{field} − {bias}&lt;/sup&gt; × {sig}</translation>
    </message>
    <message>
        <source>= (−1)&lt;sup&gt;{s}&lt;/sup&gt; × 2&lt;sup&gt;{e}&lt;/sup&gt; × {sig} &amp;nbsp; (exponent bits all 0: subnormal, no hidden 1)</source>
        <translation>= (−1)&lt;sup&gt;{s}&lt;/sup&gt; × 2&lt;sup&gt;{e}&lt;/sup&gt; × {sig} &amp;nbsp; (a kitevő minden bitje 0: szubnormális szám, nincs rejtett 1-es)</translation>
    </message>
    <message>
        <source>exponent bits all 1: infinity or NaN</source>
        <translation>a kitevő minden bitje 1: végtelen vagy NaN</translation>
    </message>
    <message>
        <source>step near here {step} · range ±{max} · smallest positive {tiny}</source>
        <translation>lépésköz itt: {step} · tartomány ±{max} · legkisebb pozitív: {tiny}</translation>
    </message>
    <message>
        <source>{stored} &amp;nbsp; {formula}&lt;br&gt;{facts}</source>
        <translation>{stored} &amp;nbsp; {formula}&lt;br&gt;{facts}</translation>
    </message>
    <message>
        <source>int8 has no NaN.</source>
        <translation>Az int8-ban nincs NaN.</translation>
    </message>
    <message>
        <source>→ rounds to {q}</source>
        <translation>→ kerekítve: {q}</translation>
    </message>
    <message>
        <source>→ outside ±127: clipped to {q}</source>
        <translation>→ ±127-en kívül: levágva {q} értékre</translation>
    </message>
    <message>
        <source>scale = {range} / 127 = {scale}; &amp;nbsp; x / scale = {scaled} {rounding}; &amp;nbsp; {q} × scale</source>
        <translation>lépésköz = {range} / 127 = {scale}; &amp;nbsp; x / lépésköz = {scaled} {rounding}; &amp;nbsp; {q} × lépésköz</translation>
    </message>
    <message>
        <source>step {step} everywhere · range ±{max}</source>
        <translation>lépésköz mindenhol {step} · tartomány ±{max}</translation>
    </message>
    <message>
        <source>= &lt;b&gt;{stored}&lt;/b&gt; &amp;nbsp; (error {error})</source>
        <translation>= &lt;b&gt;{stored}&lt;/b&gt; &amp;nbsp; (hiba: {error})</translation>
    </message>
    <message>
        <source>{arithmetic} {stored}&lt;br&gt;{facts}</source>
        <translation>{arithmetic} {stored}&lt;br&gt;{facts}</translation>
    </message>
</context>
<context>
    <name>HeadsPanel</name>
    <message>
        <source>Compare the same text in another number format or on another model to see how differently each head attends.</source>
        <translation>Vesd össze ugyanazt a szöveget más számformátumban vagy másik modellel: így látszik, mennyire másképp figyelnek az egyes fejek.</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>réteg</translation>
    </message>
    <message>
        <source>head</source>
        <translation>fej</translation>
    </message>
    <message>
        <source>Each cell: how differently that head of B spreads its attention than the same head of A (total variation, averaged over the queries; 0 alike, 1 disjoint). </source>
        <translation>Minden cella: B adott feje mennyire másképp osztja el a figyelmét, mint A ugyanazon feje (teljes variációs távolság a lekérdezésekre átlagolva; 0: egyformán, 1: teljesen máshová). </translation>
    </message>
    <message>
        <source>Layer {layer}, head {head}: {value}</source>
        <translation>{layer}. réteg, {head}. fej: {value}</translation>
    </message>
    <message>
        <source>(the largest)</source>
        <translation>(a legnagyobb)</translation>
    </message>
    <message>
        <source>Click a cell to open that head of A in the Attention tab.</source>
        <translation>Egy cellára kattintva A adott feje megnyílik a Figyelem lapon.</translation>
    </message>
</context>
<context>
    <name>HeatmapDetail</name>
    <message>
        <source>attention weight</source>
        <translation>figyelemsúly</translation>
    </message>
    <message>
        <source>Hatched grey: masked. A token cannot attend to tokens after it.</source>
        <translation>Sraffozott szürke: maszkolt. Egy token nem figyelhet az utána következő tokenekre.</translation>
    </message>
    <message>
        <source>Hatched grey: masked. A token sees only the last few tokens before it (a sliding window).</source>
        <translation>Sraffozott szürke: maszkolt. Egy token csak az előtte álló utolsó néhány tokent látja (csúszóablak).</translation>
    </message>
    <message>
        <source>Point at a cell to read its weight; click a row or a query token to pin it.</source>
        <translation>Mutass egy cellára a súlyáért; kattints egy sorra vagy egy lekérdező tokenre a rögzítéséhez.</translation>
    </message>
    <message>
        <source>“{key}” {w:.3f}</source>
        <translation>„{key}” {w:.3f}</translation>
    </message>
    <message>
        <source>Pinned “{query}” (#{i}) attends most to:   {top}</source>
        <translation>A rögzített „{query}” (#{i}) leginkább ezekre figyel:   {top}</translation>
    </message>
    <message>
        <source>Query “{q}” (#{i}) → key “{k}” (#{j}): masked, the key comes later</source>
        <translation>Lekérdezés „{q}” (#{i}) → kulcs „{k}” (#{j}): maszkolt, a kulcs később jön</translation>
    </message>
    <message>
        <source>Query “{q}” (#{i}) → key “{k}” (#{j}): masked, outside the sliding window</source>
        <translation>Lekérdezés „{q}” (#{i}) → kulcs „{k}” (#{j}): maszkolt, a csúszóablakon kívül esik</translation>
    </message>
    <message>
        <source>Query “{q}” (#{i}) → key “{k}” (#{j}): weight {w:.4f}</source>
        <translation>Lekérdezés „{q}” (#{i}) → kulcs „{k}” (#{j}): súly {w:.4f}</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <source>About this view</source>
        <translation>A nézetről</translation>
    </message>
    <message>
        <source>This view has no explanation yet.</source>
        <translation>Ehhez a nézethez még nincs magyarázat.</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Valószínűség</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Helyezés</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Beállítások</translation>
    </message>
    <message>
        <source>greedy</source>
        <translation>mohó</translation>
    </message>
    <message>
        <source>off</source>
        <translation>ki</translation>
    </message>
    <message>
        <source>T {t:.2f} · k {k} · p {p:.2f} · seed {seed}</source>
        <translation>T {t:.2f} · k {k} · p {p:.2f} · mag {seed}</translation>
    </message>
</context>
<context>
    <name>KnockoutPage</name>
    <message>
        <source>zero</source>
        <translation>nulla</translation>
    </message>
    <message>
        <source>mean over positions</source>
        <translation>pozíciók átlaga</translation>
    </message>
    <message>
        <source>Scan every head</source>
        <translation>Minden fej végigpróbálása</translation>
    </message>
    <message>
        <source>Restore all heads</source>
        <translation>Minden fej visszaállítása</translation>
    </message>
    <message>
        <source>Heads of</source>
        <translation>Fejek:</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Csere erre:</translation>
    </message>
    <message>
        <source>Click a head to knock it out; click again to restore it.</source>
        <translation>Kattints egy fejre a kiütéséhez; újabb kattintással visszaállítod.</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Előtte</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Utána</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Változás</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>réteg</translation>
    </message>
    <message>
        <source>head</source>
        <translation>fej</translation>
    </message>
    <message>
        <source>Scan: each cell is the change in the token&apos;s probability when that head alone is knocked out (blue: it drops). Largest drop {drop} points.</source>
        <translation>Végigpróbálás: minden cella a token valószínűségének változása, ha csak azt a fejet ütjük ki (kék: csökken). A legnagyobb csökkenés {drop} százalékpont.</translation>
    </message>
    <message>
        <source>{n} heads knocked out. p(“{token}”) {before} % → {after} %; KL to the unmodified run {kl} nats.</source>
        <translation>Kiütött fejek: {n}. p(„{token}”) {before} % → {after} %; KL az eredeti futáshoz képest {kl} nat.</translation>
    </message>
    <message>
        <source>Layer {l}, head {h}</source>
        <translation>{l}. réteg, {h}. fej</translation>
    </message>
    <message>
        <source>: knocked out alone, p changes by {d} points, KL {kl} nats</source>
        <translation>: egyedül kiütve p {d} százalékponttal változik, KL {kl} nat</translation>
    </message>
    <message>
        <source>Click to knock it out or restore it.</source>
        <translation>Kattints a kiütéséhez vagy visszaállításához.</translation>
    </message>
</context>
<context>
    <name>LensPanel</name>
    <message>
        <source>Colour: probability of the top token</source>
        <translation>Szín: a legvalószínűbb token valószínűsége</translation>
    </message>
    <message>
        <source>Colour: probability of the final prediction</source>
        <translation>Szín: a végső jóslat valószínűsége</translation>
    </message>
    <message>
        <source>Colour: rank of the final prediction</source>
        <translation>Szín: a végső jóslat helyezése</translation>
    </message>
    <message>
        <source>Each cell: the token this layer would put at that position (masked-LM head). Click a cell to attribute it.</source>
        <translation>Minden cella: az a token, amelyet ez a réteg arra a pozícióra tenne (maszkolt nyelvi modell fej). Egy cellára kattintva megjelenik, mi adta ki.</translation>
    </message>
    <message>
        <source>Each cell: the next token this layer would predict after that position. Click a cell to attribute it.</source>
        <translation>Minden cella: a következő token, amelyet ez a réteg az adott pozíció után jósolna. Egy cellára kattintva megjelenik, mi adta ki.</translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>beágyazások</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>{0}. réteg</translation>
    </message>
    <message>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <source>top-1 from</source>
        <translation>első ettől</translation>
    </message>
    <message>
        <source>Position {0}: {1}</source>
        <translation>{0}. pozíció: {1}</translation>
    </message>
    <message>
        <source>The final prediction {0} is top-1 from layer {1} on.</source>
        <translation>A végső jóslat, {0}, a(z) {1}. rétegtől kezdve az első helyen áll.</translation>
    </message>
    <message>
        <source>Layer {0}, position {1} ({2})</source>
        <translation>{0}. réteg, {1}. pozíció ({2})</translation>
    </message>
    <message>
        <source>{0}: {1}, rank {2}</source>
        <translation>{0}: {1}, {2}. hely</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>réteg</translation>
    </message>
    <message>
        <source>position</source>
        <translation>pozíció</translation>
    </message>
    <message>
        <source>final prediction</source>
        <translation>végső jóslat</translation>
    </message>
    <message>
        <source>its probability</source>
        <translation>valószínűsége</translation>
    </message>
    <message>
        <source>its rank</source>
        <translation>helyezése</translation>
    </message>
    <message>
        <source>top-1 from layer</source>
        <translation>első ettől a rétegtől</translation>
    </message>
</context>
<context>
    <name>LensView</name>
    <message>
        <source>Logit lens</source>
        <translation>Logit-lencse</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>Hozzájárulás</translation>
    </message>
    <message>
        <source>Neurons</source>
        <translation>Neuronok</translation>
    </message>
    <message>
        <source>Residual</source>
        <translation>Reziduális</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Lencse</translation>
    </message>
    <message>
        <source>The logit lens sends every layer&apos;s residual stream through the model&apos;s final norm and output head, as if the model stopped there: each cell shows that layer&apos;s best guess. The strip below says from which layer on the final answer stays on top. Attribution splits one token&apos;s logit into what each attention head and MLP adds; Neurons shows the MLP units that fire on each token; Residual shows how large the hidden vectors grow.</source>
        <translation>A logit-lencse minden réteg reziduális áramát átküldi a modell záró normalizálásán és kimeneti fején, mintha a modell ott megállna: minden cella az adott réteg legjobb tippje. Az alatta lévő sáv megmutatja, melyik rétegtől marad a végső válasz az első helyen. A Hozzájárulás egy token logitját bontja fel arra, amit az egyes figyelemfejek és MLP-k hozzáadnak; a Neuronok az egyes tokeneken tüzelő MLP-egységeket mutatják; a Reziduális azt, mekkorára nőnek a rejtett vektorok.</translation>
    </message>
    <message>
        <source>Projecting every layer through the output head…</source>
        <translation>Minden réteg vetítése a kimeneti fejen át…</translation>
    </message>
    <message>
        <source>Showing the first {n} of {total} positions; projecting the rest…</source>
        <translation>Az első {n} pozíció látható a(z) {total} közül; a többi vetítése folyamatban…</translation>
    </message>
</context>
<context>
    <name>LinesPanel</name>
    <message>
        <source>Point at a token to keep only its lines; click it to pin them.</source>
        <translation>Mutass egy tokenre, hogy csak az ő vonalai látsszanak; kattints rá a rögzítésükhöz.</translation>
    </message>
    <message>
        <source>The line view draws one line for every pair of tokens, so it is offered for up to {limit} tokens; this text has {n}. Use the detail heatmap instead, or a shorter text.</source>
        <translation>A vonalas nézet minden tokenpárhoz egy vonalat húz, ezért legfeljebb {limit} tokenig érhető el; ebben a szövegben {n} van. Használd inkább a részletes hőtérképet, vagy egy rövidebb szöveget.</translation>
    </message>
    <message>
        <source>“{t}” (#{i}) attends most to:</source>
        <translation>„{t}” (#{i}) leginkább ezekre figyel:</translation>
    </message>
    <message>
        <source>Attending most to “{t}” (#{i}):</source>
        <translation>Leginkább a(z) „{t}” (#{i}) tokenre figyelnek:</translation>
    </message>
    <message>
        <source>“{t}” {w:.3f}</source>
        <translation>„{t}” {w:.3f}</translation>
    </message>
</context>
<context>
    <name>LowRankPanel</name>
    <message>
        <source>Matrix</source>
        <translation>Mátrix</translation>
    </message>
    <message>
        <source>⚠ {message}</source>
        <translation>⚠ {message}</translation>
    </message>
    <message>
        <source>a LoRA run</source>
        <translation>egy LoRA-futást</translation>
    </message>
    <message>
        <source>a full fine-tune</source>
        <translation>egy teljes finomhangolást</translation>
    </message>
    <message>
        <source>Train {runs} on the same task to compare the update&apos;s singular values.</source>
        <translation>Taníts {runs} ugyanazon a feladaton, és összevetheted a módosítás szinguláris értékeit.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> és </translation>
    </message>
    <message>
        <source>LoRA trains {lora} numbers for this matrix (r·(in + out)) and its update has at most {r} non-zero singular values; the full update changes all {full}. Where the full spectrum falls steeply, most of its change lies in a few directions, which is why a low rank suffices.</source>
        <translation>A LoRA ennél a mátrixnál {lora} számot tanít (r·(be + ki)), és a módosításának legfeljebb {r} nem nulla szinguláris értéke van; a teljes módosítás mind a(z) {full} számot megváltoztatja. Ahol a teljes spektrum meredeken esik, ott a változás nagy része néhány irányba esik, ezért elég egy alacsony rang.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cancel</source>
        <translation>Mégse</translation>
    </message>
    <message>
        <source>Transformer Viz</source>
        <translation>Transformer Viz</translation>
    </message>
    <message>
        <source>Type a text to run through the model</source>
        <translation>Írj be egy szöveget, amelyet a modell feldolgoz</translation>
    </message>
    <message>
        <source>Target output (optional; empty: the model generates it)</source>
        <translation>Elvárt kimenet (nem kötelező; ha üres, a modell maga generálja)</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} bájt</translation>
    </message>
    <message>
        <source>{n} characters</source>
        <translation>{n} karakter</translation>
    </message>
    <message>
        <source>The text ({given}) is longer than the text box holds: it keeps the first {kept} characters. For longer texts use the command line (--export), which still reads only what the model can see.</source>
        <translation>A szöveg ({given}) hosszabb annál, amit a szövegmező tárol: az első {kept} karaktert tartja meg. Hosszabb szövegekhez használd a parancssort (--export), amely így is csak azt olvassa be, amit a modell láthat.</translation>
    </message>
    <message>
        <source>{n} character(s) of the text were not valid Unicode and were replaced by �.</source>
        <translation>A szöveg {n} karaktere nem érvényes Unicode volt; a helyükre � került.</translation>
    </message>
    <message>
        <source>The settings file could not be read, so Transformer Viz starts with default settings; the old file was moved to {path}.</source>
        <translation>A beállításfájl nem olvasható, ezért a Transformer Viz alapbeállításokkal indul; a régi fájl ide került: {path}.</translation>
    </message>
    <message>
        <source>Some stored settings were out of range or unusable and are back to their defaults: {names}.</source>
        <translation>Néhány tárolt beállítás a megengedett tartományon kívül esett vagy használhatatlan volt, ezért visszaállt az alapértékre: {names}.</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>Munkamenet megnyitása</translation>
    </message>
    <message>
        <source>Transformer Viz sessions (*{0} *.json)</source>
        <translation>Transformer Viz munkamenetek (*{0} *.json)</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>Munkamenet mentése</translation>
    </message>
    <message>
        <source>Transformer Viz sessions (*{0})</source>
        <translation>Transformer Viz munkamenetek (*{0})</translation>
    </message>
    <message>
        <source>Could not save the session to {path}: {reason}</source>
        <translation>Nem sikerült a munkamenetet ide menteni: {path} ({reason})</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Mentve: {path}</translation>
    </message>
    <message>
        <source>About Transformer Viz</source>
        <translation>A Transformer Viz névjegye</translation>
    </message>
    <message>
        <source>Transformer Viz shows the inside of transformer language models: tokens, embeddings, attention, sampling and quantization. It runs offline, on the bundled demo models or on any model folder.</source>
        <translation>A Transformer Viz a transzformer nyelvi modellek belsejét mutatja meg: tokenek, beágyazások, figyelem, mintavételezés és kvantálás. Internet nélkül fut, a mellékelt bemutató modelleken vagy bármely modellmappán.</translation>
    </message>
    <message>
        <source>Transformer Viz — {0}</source>
        <translation>Transformer Viz — {0}</translation>
    </message>
    <message>
        <source>{n} tokens traced in {ms:.0f} ms</source>
        <translation>{n} token feldolgozva {ms:.0f} ms alatt</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fájl</translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation>Munkamenet &amp;megnyitása…</translation>
    </message>
    <message>
        <source>Recent sessions</source>
        <translation>Legutóbbi munkamenetek</translation>
    </message>
    <message>
        <source>&amp;Save session…</source>
        <translation>Munkamenet m&amp;entése…</translation>
    </message>
    <message>
        <source>Recent models</source>
        <translation>Legutóbbi modellek</translation>
    </message>
    <message>
        <source>Export view as &amp;PNG…</source>
        <translation>Nézet exportálása &amp;PNG-ként…</translation>
    </message>
    <message>
        <source>Export view as S&amp;VG…</source>
        <translation>Nézet exportálása S&amp;VG-ként…</translation>
    </message>
    <message>
        <source>&amp;Copy view</source>
        <translation>Nézet má&amp;solása</translation>
    </message>
    <message>
        <source>Copy view picture</source>
        <translation>A nézet képének másolása</translation>
    </message>
    <message>
        <source>Export &amp;trace (.npz)…</source>
        <translation>&amp;Futási adatok exportálása (.npz)…</translation>
    </message>
    <message>
        <source>Export t&amp;ables (CSV)…</source>
        <translation>&amp;Táblázatok exportálása (CSV)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Kilépés</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Nézet</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>&amp;Bemutató mód</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Nagyítás</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Kicsinyítés</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Eredeti méret</translation>
    </message>
    <message>
        <source>&amp;Next view</source>
        <translation>Kö&amp;vetkező nézet</translation>
    </message>
    <message>
        <source>P&amp;revious view</source>
        <translation>Elő&amp;ző nézet</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Téma</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>A rendszer szerint</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Világos</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sötét</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>N&amp;yelv</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Súgó</translation>
    </message>
    <message>
        <source>&amp;About Transformer Viz</source>
        <translation>A Transformer Viz &amp;névjegye</translation>
    </message>
    <message>
        <source>No recent sessions</source>
        <translation>Nincs legutóbbi munkamenet</translation>
    </message>
    <message>
        <source>No recent models</source>
        <translation>Nincs legutóbbi modell</translation>
    </message>
</context>
<context>
    <name>MethodPanel</name>
    <message>
        <source>Method</source>
        <translation>Módszer</translation>
    </message>
    <message>
        <source>Every weight of the model is trained.</source>
        <translation>A modell minden súlya tanul.</translation>
    </message>
    <message>
        <source>LoRA&apos;s update is scaled by alpha / rank.</source>
        <translation>A LoRA módosítását alfa / rang szorozza.</translation>
    </message>
    <message>
        <source>Rank r</source>
        <translation>Rang (r)</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alfa</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Modulok</translation>
    </message>
    <message>
        <source>Virtual tokens</source>
        <translation>Virtuális tokenek</translation>
    </message>
    <message>
        <source>⚠ {message}</source>
        <translation>⚠ {message}</translation>
    </message>
    <message>
        <source>Trains {n} of {total} parameters ({share}); full fine-tuning trains {full}.</source>
        <translation>{total} paraméterből {n} tanul ({share}); teljes finomhangolásnál {full}.</translation>
    </message>
</context>
<context>
    <name>ModelBar</name>
    <message>
        <source>Bundled model, Hub id (gpt2) or folder</source>
        <translation>Mellékelt modell, Hub-azonosító (gpt2) vagy mappa</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Mappa megnyitása…</translation>
    </message>
    <message>
        <source>Catalogue…</source>
        <translation>Katalógus…</translation>
    </message>
    <message>
        <source>The course&apos;s models: GPT, PaLM, LLaMA, BLOOM, BERT, FLAN-T5</source>
        <translation>A kurzus modelljei: GPT, PaLM, LLaMA, BLOOM, BERT, FLAN-T5</translation>
    </message>
    <message>
        <source>Where the model runs: auto picks CUDA, then Apple MPS, then the CPU</source>
        <translation>Hol fut a modell: az auto előbb CUDA-t, aztán Apple MPS-t, végül a CPU-t választja</translation>
    </message>
    <message>
        <source>Number format of the weights while the model runs</source>
        <translation>A súlyok számformátuma futás közben</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Betöltés</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Nincs betöltött modell</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Eszköz:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Típus:</translation>
    </message>
    <message>
        <source>decoder-only</source>
        <translation>csak dekódoló</translation>
    </message>
    <message>
        <source>encoder-only</source>
        <translation>csak kódoló</translation>
    </message>
    <message>
        <source>encoder-decoder</source>
        <translation>kódoló–dekódoló</translation>
    </message>
    <message>
        <source>{name} · {family} · {params} M parameters · {device} · {dtype} · {mb} MB</source>
        <translation>{name} · {family} · {params} M paraméter · {device} · {dtype} · {mb} MB</translation>
    </message>
    <message>
        <source>Open a model folder</source>
        <translation>Modellmappa megnyitása</translation>
    </message>
</context>
<context>
    <name>NeuronPanel</name>
    <message>
        <source>Layer</source>
        <translation>Réteg</translation>
    </message>
    <message>
        <source>Neuron</source>
        <translation>Neuron</translation>
    </message>
    <message>
        <source>Rows: the ten most active of the {0} neurons of layer {1} on each token (activation before the MLP&apos;s down projection). Click one to follow it.</source>
        <translation>Sorok: a(z) {1}. réteg {0} neuronja közül a tíz legaktívabb minden tokenen (az aktiváció az MLP lefelé vetítése előtt). Kattints egyre a követéséhez.</translation>
    </message>
    <message>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <source>neuron {0}</source>
        <translation>{0}. neuron</translation>
    </message>
    <message>
        <source>Neuron {0} on {1}: {2}</source>
        <translation>{0}. neuron ezen: {1}: {2}</translation>
    </message>
    <message>
        <source>position</source>
        <translation>pozíció</translation>
    </message>
</context>
<context>
    <name>OpenGL</name>
    <message>
        <source>3-D is turned off on this computer.</source>
        <translation>A 3D nézet ki van kapcsolva ezen a számítógépen.</translation>
    </message>
    <message>
        <source>This display ({0}) has no OpenGL.</source>
        <translation>Ezen a megjelenítőn ({0}) nincs OpenGL.</translation>
    </message>
    <message>
        <source>3-D needs the PyOpenGL package (pip install PyOpenGL).</source>
        <translation>A 3D nézethez a PyOpenGL csomag kell (pip install PyOpenGL).</translation>
    </message>
    <message>
        <source>No OpenGL context could be made on this display.</source>
        <translation>Ezen a megjelenítőn nem sikerült OpenGL-környezetet létrehozni.</translation>
    </message>
    <message>
        <source>OpenGL is present but cannot draw on this display.</source>
        <translation>Van OpenGL, de ezen a megjelenítőn nem tud rajzolni.</translation>
    </message>
    <message>
        <source>OpenGL {0}.{1} is too old for the 3-D view (2.0 or newer is needed).</source>
        <translation>Az OpenGL {0}.{1} túl régi a 3D nézethez (2.0 vagy újabb kell).</translation>
    </message>
    <message>
        <source>The 3-D view could not start: {0}</source>
        <translation>A 3D nézet nem indult el: {0}</translation>
    </message>
</context>
<context>
    <name>OutputsPanel</name>
    <message>
        <source>Use bf16 instead</source>
        <translation>Inkább bf16</translation>
    </message>
    <message>
        <source>Run comparison</source>
        <translation>Összehasonlítás futtatása</translation>
    </message>
    <message>
        <source>Part:</source>
        <translation>Rész:</translation>
    </message>
    <message>
        <source>relative L2 error</source>
        <translation>relatív L2-hiba</translation>
    </message>
    <message>
        <source>cosine similarity</source>
        <translation>koszinusz-hasonlóság</translation>
    </message>
    <message>
        <source>Hidden states against float32</source>
        <translation>Rejtett állapotok a float32-höz képest</translation>
    </message>
    <message>
        <source>layer (0 = embeddings)</source>
        <translation>réteg (0 = beágyazások)</translation>
    </message>
    <message>
        <source>Attention difference (total variation)</source>
        <translation>A figyelem eltérése (teljes variáció)</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>réteg</translation>
    </message>
    <message>
        <source>mean TV</source>
        <translation>átlagos TV</translation>
    </message>
    <message>
        <source>KL(float32 ‖ scheme) per position</source>
        <translation>KL(float32 ‖ séma) pozíciónként</translation>
    </message>
    <message>
        <source>position</source>
        <translation>pozíció</translation>
    </message>
    <message>
        <source>KL (nats)</source>
        <translation>KL (nat)</translation>
    </message>
    <message>
        <source>Compare float32 with:</source>
        <translation>A float32 összevetése ezzel:</translation>
    </message>
    <message>
        <source>Tokens for:</source>
        <translation>Tokenek ehhez:</translation>
    </message>
    <message>
        <source>Hidden-state measure:</source>
        <translation>A rejtett állapot mértéke:</translation>
    </message>
    <message>
        <source>torchao is not installed (pip install torchao)</source>
        <translation>A torchao nincs telepítve (pip install torchao)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n} parameters: {fp32} fp32, {half} fp16/bf16, {int8} int8.&lt;/b&gt; &amp;nbsp; Weight-only int8 as run here (Linear/Conv1D weights int8 with one float32 scale per output channel, embeddings and norms float32): {wo}.</source>
        <translation>&lt;b&gt;{n} paraméter: {fp32} fp32-ben, {half} fp16/bf16-ban, {int8} int8-ban.&lt;/b&gt; &amp;nbsp; Csak a súlyok int8-ban, ahogy itt fut (a Linear/Conv1D súlyok int8-ban, kimeneti csatornánként egy float32 lépésközzel, a beágyazások és normalizálások float32-ben): {wo}.</translation>
    </message>
    <message>
        <source>Pick at least one scheme, and type a text.</source>
        <translation>Válassz legalább egy sémát, és írj be egy szöveget.</translation>
    </message>
    <message>
        <source>The text changed since this comparison: press Run comparison to update it.</source>
        <translation>A szöveg megváltozott az összehasonlítás óta: nyomd meg az Összehasonlítás futtatása gombot a frissítéshez.</translation>
    </message>
    <message>
        <source>Compared in {s:.1f} s</source>
        <translation>Összehasonlítva {s:.1f} s alatt</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>Kódoló</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>Dekódoló</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Séma</translation>
    </message>
    <message>
        <source>Mean KL</source>
        <translation>Átlagos KL</translation>
    </message>
    <message>
        <source>Flips</source>
        <translation>Átfordulások</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Másodperc</translation>
    </message>
    <message>
        <source>Final error</source>
        <translation>Végső hiba</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>simulated</source>
        <translation>szimulált</translation>
    </message>
    <message>
        <source>real</source>
        <translation>valódi</translation>
    </message>
    <message>
        <source>{v:.2e}</source>
        <translation>{v:.2e}</translation>
    </message>
    <message>
        <source>{v:.1%}</source>
        <translation>{v:.1%}</translation>
    </message>
    <message>
        <source>{v:.2f}</source>
        <translation>{v:.2f}</translation>
    </message>
    <message>
        <source>This model has no language-model head: there are no predictions to compare.</source>
        <translation>Ennek a modellnek nincs nyelvimodell-feje: nincsenek összehasonlítható jóslatok.</translation>
    </message>
    <message>
        <source>in the output</source>
        <translation>a kimenetben</translation>
    </message>
    <message>
        <source>in the text</source>
        <translation>a szövegben</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n} of {total} predictions flip&lt;/b&gt; {where} (red); shading is KL divergence. Hover a token for its predictions.</source>
        <translation>&lt;b&gt;{total} jóslatból {n} átfordul&lt;/b&gt; {where} (piros); az árnyalás a KL-divergencia. Vidd az egeret egy tokenre a jóslataiért.</translation>
    </message>
    <message>
        <source>… and {n} more (see the CSV export).</source>
        <translation>… és még {n} (lásd a CSV-exportot).</translation>
    </message>
    <message>
        <source>{intro} “{ref}” in float32 and “{q}” in {scheme} (KL {kl:.3g}).</source>
        <translation>{intro} float32-ben „{ref}”, {scheme} sémában „{q}” (KL {kl:.3g}).</translation>
    </message>
    <message>
        <source>After “{token}” the next token is</source>
        <translation>A(z) „{token}” után a következő token</translation>
    </message>
    <message>
        <source>{name} (real; slow on this CPU)</source>
        <translation>{name} (valódi; ezen a CPU-n lassú)</translation>
    </message>
    <message>
        <source>This processor has no {names} instructions: its matrix products are emulated, many times slower than float32, so on a large model these runs take a while.</source>
        <translation>Ennek a processzornak nincsenek {names} utasításai: a mátrixszorzásokat emulálja, sokszor lassabban, mint float32-ben, ezért nagy modellen ezek a futások eltartanak egy ideig.</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Futtatás</translation>
    </message>
    <message>
        <source>Top-1 same</source>
        <translation>Azonos top-1</translation>
    </message>
    <message>
        <source>At “{token}” the model predicts</source>
        <translation>A(z) „{token}” helyére a modell ezt jósolja:</translation>
    </message>
</context>
<context>
    <name>PatchingPage</name>
    <message>
        <source>Corrupted prompt: the same text with a few words changed</source>
        <translation>Elrontott szöveg: ugyanaz a szöveg néhány szó cseréjével</translation>
    </message>
    <message>
        <source>Patch</source>
        <translation>Foltozás</translation>
    </message>
    <message>
        <source>residual stream</source>
        <translation>reziduális áram</translation>
    </message>
    <message>
        <source>attention output</source>
        <translation>figyelem kimenete</translation>
    </message>
    <message>
        <source>MLP output</source>
        <translation>MLP kimenete</translation>
    </message>
    <message>
        <source>logit difference</source>
        <translation>logitkülönbség</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>valószínűség</translation>
    </message>
    <message>
        <source>Corrupted</source>
        <translation>Elrontott</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Visszaállítás</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Mérték</translation>
    </message>
    <message>
        <source>logit(“{t}”) − logit(“{f}”)</source>
        <translation>logit(„{t}”) − logit(„{f}”)</translation>
    </message>
    <message>
        <source>p(“{t}”)</source>
        <translation>p(„{t}”)</translation>
    </message>
    <message>
        <source>{measure}: clean {clean}, corrupted {corrupted}. 1 (orange) means restoring that activation brings the clean prediction back; 0 changes nothing.</source>
        <translation>{measure}: tiszta {clean}, elrontott {corrupted}. Az 1 (narancs) azt jelenti, hogy az aktiváció visszaállítása visszahozza a tiszta előrejelzést; a 0 semmit sem változtat.</translation>
    </message>
    <message>
        <source>This model&apos;s MLP layers are not recognised, so they cannot be patched.</source>
        <translation>Ennek a modellnek az MLP-rétegeit nem ismerjük fel, ezért nem foltozhatók.</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>réteg</translation>
    </message>
    <message>
        <source>position</source>
        <translation>pozíció</translation>
    </message>
    <message>
        <source>Layer {l}, position {p} (“{t}”): restores {v} of the clean prediction.</source>
        <translation>{l}. réteg, {p}. pozíció („{t}”): a tiszta előrejelzés {v} részét állítja vissza.</translation>
    </message>
</context>
<context>
    <name>Quantization</name>
    <message>
        <source>fp16</source>
        <translation>fp16</translation>
    </message>
    <message>
        <source>bf16</source>
        <translation>bf16</translation>
    </message>
    <message>
        <source>int8 per-tensor</source>
        <translation>int8 tenzoronként</translation>
    </message>
    <message>
        <source>int8 per-channel</source>
        <translation>int8 csatornánként</translation>
    </message>
    <message>
        <source>torchao int8</source>
        <translation>torchao int8</translation>
    </message>
    <message>
        <source>simulated: int8-rounded weights, float32 compute</source>
        <translation>szimulált: int8-ra kerekített súlyok, float32 számítás</translation>
    </message>
    <message>
        <source>real: int8 weights and torchao&apos;s kernels</source>
        <translation>valódi: int8 súlyok és a torchao kernelei</translation>
    </message>
    <message>
        <source>real: the model cast to this format</source>
        <translation>valódi: a modell erre a formátumra alakítva</translation>
    </message>
    <message>
        <source>{name} (simulated)</source>
        <translation>{name} (szimulált)</translation>
    </message>
    <message>
        <source>{name} (real)</source>
        <translation>{name} (valódi)</translation>
    </message>
    <message>
        <source>Running the float32 model…</source>
        <translation>A float32 modell fut…</translation>
    </message>
    <message>
        <source>Making the {scheme} copy…</source>
        <translation>A(z) {scheme} másolat készítése…</translation>
    </message>
    <message>
        <source>Running the {scheme} copy…</source>
        <translation>A(z) {scheme} másolat fut…</translation>
    </message>
    <message>
        <source>Measuring {layer}…</source>
        <translation>Mérés: {layer}…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Kész</translation>
    </message>
    <message>
        <source>{n:.1f} B</source>
        <translation>{n:.1f} Mrd</translation>
    </message>
    <message>
        <source>{n:.0f} M</source>
        <translation>{n:.0f} M</translation>
    </message>
    <message>
        <source>{n:.0f} k</source>
        <translation>{n:.0f} E</translation>
    </message>
    <message>
        <source>{n:.1f} GB</source>
        <translation>{n:.1f} GB</translation>
    </message>
    <message>
        <source>{n:.0f} MB</source>
        <translation>{n:.0f} MB</translation>
    </message>
    <message>
        <source>{n:.0f} kB</source>
        <translation>{n:.0f} kB</translation>
    </message>
    <message>
        <source>{n:.0f} B</source>
        <translation>{n:.0f} B</translation>
    </message>
    <message>
        <source>mean cosine similarity</source>
        <translation>átlagos koszinusz-hasonlóság</translation>
    </message>
    <message>
        <source>relative L2 error (log)</source>
        <translation>relatív L2-hiba (log)</translation>
    </message>
    <message>
        <source>{name}, cross-attention</source>
        <translation>{name}, keresztfigyelem</translation>
    </message>
    <message>
        <source>● self-attention, ▲ cross-attention</source>
        <translation>● önfigyelem, ▲ keresztfigyelem</translation>
    </message>
    <message>
        <source>KL(float32 ‖ {scheme}) per position; red: top-1 flips</source>
        <translation>KL(float32 ‖ {scheme}) pozíciónként; piros: top-1 átfordulás</translation>
    </message>
</context>
<context>
    <name>QuantizationView</name>
    <message>
        <source>Number formats</source>
        <translation>Számformátumok</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Súlyok</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Kimenetek</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>Kvantálás</translation>
    </message>
    <message>
        <source>Models are usually trained with 32-bit floats; to save memory they are run with 16-bit floats (fp16, bf16) or 8-bit integers (int8). Number formats shows how one number is stored in each, bit by bit. Weights shows how much each layer&apos;s weights change, and Outputs how much the model&apos;s hidden states, attention and next-token predictions move on your text. Simulated int8 rounds the weights but still computes in float32.</source>
        <translation>A modelleket általában 32 bites lebegőpontos számokkal tanítják; memóriát spórolva 16 bites lebegőpontos (fp16, bf16) vagy 8 bites egész (int8) számokkal futtatják őket. A Számformátumok lap bitről bitre megmutatja, hogyan tárolódik egy szám az egyes formátumokban. A Súlyok lap azt mutatja, mennyire változnak az egyes rétegek súlyai, a Kimenetek pedig azt, mennyit mozdulnak a modell rejtett állapotai, figyelme és következőtoken-jóslatai a te szövegeden. A szimulált int8 kerekíti a súlyokat, de továbbra is float32-ben számol.</translation>
    </message>
</context>
<context>
    <name>ResidualPanel</name>
    <message>
        <source>Length (L2 norm) of the residual stream after each layer, log colour scale. A bright column is a token the model parks huge values on (often the first: an attention sink).</source>
        <translation>A reziduális áram hossza (L2-norma) minden réteg után, logaritmikus színskálával. Egy világos oszlop olyan token, amelyre a modell óriási értékeket tesz (gyakran az első: figyelemnyelő).</translation>
    </message>
    <message>
        <source>encoder </source>
        <translation>kódoló </translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>beágyazások</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>{0}. réteg</translation>
    </message>
    <message>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <source>{0}layer {1}, {2}: norm {3}</source>
        <translation>{0}{1}. réteg, {2}: norma {3}</translation>
    </message>
    <message>
        <source>side</source>
        <translation>oldal</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>réteg</translation>
    </message>
    <message>
        <source>position</source>
        <translation>pozíció</translation>
    </message>
    <message>
        <source>norm</source>
        <translation>norma</translation>
    </message>
</context>
<context>
    <name>ResultsTable</name>
    <message>
        <source>Quantity</source>
        <translation>Mennyiség</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Érték</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Szakasz</translation>
    </message>
    <message>
        <source>Value (bytes, tokens, FLOPs…)</source>
        <translation>Érték (bájt, token, FLOP…)</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Megjelenítve</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hogyan</translation>
    </message>
</context>
<context>
    <name>RunBar</name>
    <message>
        <source>Cancel</source>
        <translation>Mégse</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Megszakítva.</translation>
    </message>
    <message>
        <source>⚠ {message}</source>
        <translation>⚠ {message}</translation>
    </message>
</context>
<context>
    <name>RunLens</name>
    <message>
        <source>emb.</source>
        <translation>beág.</translation>
    </message>
    <message>
        <source>L{0}</source>
        <translation>R{0}</translation>
    </message>
    <message>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <source>Position {0}: {1}</source>
        <translation>{0}. pozíció: {1}</translation>
    </message>
    <message>
        <source>Layer {0}, position {1} ({2})</source>
        <translation>{0}. réteg, {1}. pozíció ({2})</translation>
    </message>
</context>
<context>
    <name>SamplingControls</name>
    <message>
        <source>Greedy</source>
        <translation>Mohó</translation>
    </message>
    <message>
        <source>always the most likely token</source>
        <translation>mindig a legvalószínűbb token</translation>
    </message>
    <message>
        <source>off</source>
        <translation>ki</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Hőmérséklet</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>Véletlenmag</translation>
    </message>
    <message>
        <source>Divides the logits: below 1 sharpens the distribution, above 1 flattens it.</source>
        <translation>Elosztja a logitokat: 1 alatt élesíti az eloszlást, 1 fölött kisimítja.</translation>
    </message>
    <message>
        <source>Keep only the k most likely tokens (ties with the k-th are kept too).</source>
        <translation>Csak a k legvalószínűbb token marad meg (a k-adikkal holtversenyben lévők is).</translation>
    </message>
    <message>
        <source>Keep the most likely tokens until their probabilities add up to p.</source>
        <translation>A legvalószínűbb tokenek maradnak meg, amíg valószínűségük összege el nem éri a p-t.</translation>
    </message>
    <message>
        <source>The same seed and step number always draw the same token.</source>
        <translation>Ugyanaz a mag és lépésszám mindig ugyanazt a tokent húzza.</translation>
    </message>
</context>
<context>
    <name>SamplingView</name>
    <message>
        <source>Probabilities</source>
        <translation>Valószínűségek</translation>
    </message>
    <message>
        <source>Logits</source>
        <translation>Logitok</translation>
    </message>
    <message>
        <source>Bars show</source>
        <translation>Az oszlopok mutatják:</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Jelöltek</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Eloszlás</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>Ágak</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Mintavétel</translation>
    </message>
    <message>
        <source>The bars are the model&apos;s most likely next tokens at the chosen position, after temperature. Coloured bars survive top-k and top-p; grey hatched ones are cut, and the next token is drawn only from the coloured ones, with the outlined probabilities. Diamonds show the distribution before temperature; Step draws a token, adds it and runs the model again.</source>
        <translation>Az oszlopok a modell szerint legvalószínűbb következő tokenek a kiválasztott pozíción, a hőmérséklet alkalmazása után. A színes oszlopok átjutnak a top-k és a top-p szűrőn; a szürke, sraffozottakat levágjuk, és a következő tokent csak a színesek közül húzzuk, a körvonallal jelölt valószínűségekkel. A rombuszok a hőmérséklet előtti eloszlást mutatják; a Lépés húz egy tokent, hozzáfűzi, és újra lefuttatja a modellt.</translation>
    </message>
    <message>
        <source>Running the model…</source>
        <translation>A modell fut…</translation>
    </message>
    <message>
        <source>This model has no language-model head, so it gives no token probabilities.</source>
        <translation>Ennek a modellnek nincs nyelvimodell-feje, ezért nem ad tokenvalószínűségeket.</translation>
    </message>
    <message>
        <source>There is no {mask} in the text: type {mask} where the model should fill in a word, or click a token to see what the model predicts there.</source>
        <translation>A szövegben nincs {mask}: írj {mask} jelet oda, ahová a modellnek egy szót kell kitalálnia, vagy kattints egy tokenre, hogy lásd, mit jósol ott a modell.</translation>
    </message>
    <message>
        <source>What the model predicts at “{token}” (position {i} of {n})</source>
        <translation>Amit a modell a(z) „{token}” helyére jósol ({i}. pozíció, {n} közül)</translation>
    </message>
    <message>
        <source>Next output token after “{token}” (output position {i} of {n})</source>
        <translation>A(z) „{token}” utáni következő kimeneti token ({i}. kimeneti pozíció, {n} közül)</translation>
    </message>
    <message>
        <source>Next token after “{token}” (position {i} of {n})</source>
        <translation>A(z) „{token}” utáni következő token ({i}. pozíció, {n} közül)</translation>
    </message>
    <message>
        <source>Position {position}: click to see the model&apos;s prediction here</source>
        <translation>{position}. pozíció: kattints, hogy lásd a modell jóslatát erre a helyre</translation>
    </message>
    <message>
        <source>Position {position}: click to see the distribution of the token after it</source>
        <translation>{position}. pozíció: kattints, hogy lásd az utána következő token eloszlását</translation>
    </message>
    <message>
        <source>Why this token?</source>
        <translation>Miért ez a token?</translation>
    </message>
    <message>
        <source>Generation stopped at the end-of-sequence token.</source>
        <translation>A generálás a sorozatvége tokennél leállt.</translation>
    </message>
    <message>
        <source>No mask left to fill: undo, reset, or type another mask in the text.</source>
        <translation>Nincs több kitöltendő maszk: vond vissza, állítsd alaphelyzetbe, vagy írj be egy újabb maszkot a szövegbe.</translation>
    </message>
    <message>
        <source>The sequence has reached the model&apos;s {n} positions.</source>
        <translation>A sorozat elérte a modell {n} pozícióját.</translation>
    </message>
</context>
<context>
    <name>Scale</name>
    <message>
        <source>Compute-optimal frontier</source>
        <translation>Számításoptimális határvonal</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>paraméterek</translation>
    </message>
    <message>
        <source>training tokens</source>
        <translation>tanító tokenek</translation>
    </message>
    <message>
        <source>Chinchilla: 20 tokens per parameter</source>
        <translation>Chinchilla: paraméterenként 20 token</translation>
    </message>
    <message>
        <source>published models</source>
        <translation>publikált modellek</translation>
    </message>
    <message>
        <source>this calculation</source>
        <translation>ez a számítás</translation>
    </message>
    <message>
        <source>its optimal tokens</source>
        <translation>optimális tokenszáma</translation>
    </message>
    <message>
        <source>{value} MB</source>
        <translation>{value} MB</translation>
    </message>
    <message>
        <source>{value} GB</source>
        <translation>{value} GB</translation>
    </message>
    <message>
        <source>Inference (weights only)</source>
        <translation>Futtatás (csak a súlyok)</translation>
    </message>
    <message>
        <source>parameters × bytes per weight</source>
        <translation>paraméterek × bájt súlyonként</translation>
    </message>
    <message>
        <source>Training, one copy (Adam, mixed precision)</source>
        <translation>Tanítás, egy példány (Adam, vegyes pontosság)</translation>
    </message>
    <message>
        <source>weights (fp16/bf16)</source>
        <translation>súlyok (fp16/bf16)</translation>
    </message>
    <message>
        <source>2 bytes × parameters</source>
        <translation>2 bájt × paraméterek</translation>
    </message>
    <message>
        <source>gradients (fp16/bf16)</source>
        <translation>gradiensek (fp16/bf16)</translation>
    </message>
    <message>
        <source>optimizer states</source>
        <translation>optimalizáló állapota</translation>
    </message>
    <message>
        <source>12 bytes × parameters: fp32 weights, momentum, variance (ZeRO, 2020)</source>
        <translation>12 bájt × paraméterek: fp32 súlyok, momentum, variancia (ZeRO, 2020)</translation>
    </message>
    <message>
        <source>activations</source>
        <translation>aktivációk</translation>
    </message>
    <message>
        <source>total</source>
        <translation>összesen</translation>
    </message>
    <message>
        <source>Per GPU on {n} GPUs</source>
        <translation>GPU-nként, {n} GPU-n</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Számítás</translation>
    </message>
    <message>
        <source>as entered</source>
        <translation>a megadott érték</translation>
    </message>
    <message>
        <source>20 × parameters (Chinchilla)</source>
        <translation>20 × paraméterek (Chinchilla)</translation>
    </message>
    <message>
        <source>training FLOPs</source>
        <translation>tanítás FLOP-ban</translation>
    </message>
    <message>
        <source>6 × parameters × tokens (Kaplan et al., 2020)</source>
        <translation>6 × paraméterek × tokenek (Kaplan és mtsai, 2020)</translation>
    </message>
    <message>
        <source>petaFLOP/s-days</source>
        <translation>petaFLOP/s-nap</translation>
    </message>
    <message>
        <source>FLOPs ÷ (10^15 × 86 400)</source>
        <translation>FLOP ÷ (10^15 × 86 400)</translation>
    </message>
    <message>
        <source>Chinchilla-optimal tokens</source>
        <translation>Chinchilla-optimális tokenszám</translation>
    </message>
    <message>
        <source>20 × parameters (Hoffmann et al., 2022)</source>
        <translation>20 × paraméterek (Hoffmann és mtsai, 2022)</translation>
    </message>
    <message>
        <source>optimal size for {flops} FLOPs</source>
        <translation>optimális méret {flops} FLOP-hoz</translation>
    </message>
    <message>
        <source>√(budget ÷ 120), trained on {tokens} tokens</source>
        <translation>√(keret ÷ 120), {tokens} tokenen tanítva</translation>
    </message>
    <message>
        <source>needs layers, hidden size and heads</source>
        <translation>ehhez kell a rétegszám, a rejtett méret és a fejek száma</translation>
    </message>
    <message>
        <source>2·s·b·h per layer, full recomputation (Korthikanti et al., 2022)</source>
        <translation>rétegenként 2·s·b·h, teljes újraszámolással (Korthikanti és mtsai, 2022)</translation>
    </message>
    <message>
        <source>s·b·h·(34 + 5·a·s/h) per layer, b = {b}, s = {s} (Korthikanti et al., 2022)</source>
        <translation>rétegenként s·b·h·(34 + 5·a·s/h), b = {b}, s = {s} (Korthikanti és mtsai, 2022)</translation>
    </message>
    <message>
        <source>every GPU holds all: 16Ψ + activations</source>
        <translation>minden GPU mindent tárol: 16Ψ + aktivációk</translation>
    </message>
    <message>
        <source>optimizer states sharded: 4Ψ + 12Ψ/N</source>
        <translation>az optimalizáló állapota szétosztva: 4Ψ + 12Ψ/N</translation>
    </message>
    <message>
        <source>and gradients: 2Ψ + 14Ψ/N</source>
        <translation>a gradiensek is: 2Ψ + 14Ψ/N</translation>
    </message>
    <message>
        <source>and weights: 16Ψ/N</source>
        <translation>a súlyok is: 16Ψ/N</translation>
    </message>
    <message>
        <source>full shard, as ZeRO-3: 16Ψ/N</source>
        <translation>teljes szétosztás, mint a ZeRO-3: 16Ψ/N</translation>
    </message>
</context>
<context>
    <name>ScaleInputs</name>
    <message>
        <source>Parameters: 125M, 7B, 1.4T or 7e9</source>
        <translation>Paraméterek: 125M, 7B, 1,4T vagy 7e9</translation>
    </message>
    <message>
        <source>Sequences per GPU in one step (micro-batch)</source>
        <translation>Szekvenciák GPU-nként egy lépésben (mikro-köteg)</translation>
    </message>
    <message>
        <source>Chinchilla-optimal</source>
        <translation>Chinchilla-optimális</translation>
    </message>
    <message>
        <source>Training tokens; empty: 20 per parameter (Chinchilla)</source>
        <translation>Tanító tokenek; üresen: paraméterenként 20 (Chinchilla)</translation>
    </message>
    <message>
        <source>this run&apos;s compute</source>
        <translation>e tanítás számítási igénye</translation>
    </message>
    <message>
        <source>Compute budget in FLOPs (3e23) for the optimal model size</source>
        <translation>Számítási keret FLOP-ban (3e23) az optimális modellmérethez</translation>
    </message>
    <message>
        <source>Recompute activations</source>
        <translation>Aktivációk újraszámolása</translation>
    </message>
    <message>
        <source>Keep only each layer&apos;s input and recompute the rest in the backward pass</source>
        <translation>Csak a rétegek bemenetét tartja meg, a többit a visszaterjesztéskor újraszámolja</translation>
    </message>
    <message>
        <source>Use the loaded model</source>
        <translation>A betöltött modell adatai</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>Paraméterek:</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>Rétegek:</translation>
    </message>
    <message>
        <source>Hidden size:</source>
        <translation>Rejtett méret:</translation>
    </message>
    <message>
        <source>Heads:</source>
        <translation>Fejek:</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>Köteg:</translation>
    </message>
    <message>
        <source>Sequence:</source>
        <translation>Szekvencia:</translation>
    </message>
    <message>
        <source>GPUs:</source>
        <translation>GPU-k:</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Tokenek:</translation>
    </message>
    <message>
        <source>Budget (FLOPs):</source>
        <translation>Keret (FLOP):</translation>
    </message>
    <message>
        <source>“{text}” is not a count such as 7B, 1.4T or 3e23.</source>
        <translation>„{text}” nem olyan szám, mint 7B, 1,4T vagy 3e23.</translation>
    </message>
</context>
<context>
    <name>ScaleView</name>
    <message>
        <source>Select a row to see its formula.</source>
        <translation>Válassz ki egy sort, és itt látod a képletét.</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Méret</translation>
    </message>
    <message>
        <source>Model size and cost. Running a model needs its weights in memory: parameters times the bytes of the number format. Training with Adam in mixed precision needs about 16 bytes per parameter (weights, gradients, and the optimizer&apos;s fp32 copy, momentum and variance) plus the activations of a batch. DDP copies all of it to every GPU; ZeRO stages 1-3 and FSDP share it out. Training takes about 6 × parameters × tokens FLOPs, and Chinchilla&apos;s rule says a compute budget is best spent on about 20 tokens per parameter. Every field can be edited.</source>
        <translation>Modellméret és költség. A futtatáshoz a súlyoknak a memóriában kell lenniük: a paraméterek száma szorozva a számformátum bájtjaival. Adammal, vegyes pontossággal tanítva paraméterenként körülbelül 16 bájt kell (súlyok, gradiensek, valamint az optimalizáló fp32 másolata, momentuma és varianciája), és ehhez jönnek egy köteg aktivációi. A DDP mindezt minden GPU-ra lemásolja; a ZeRO 1–3. szintje és az FSDP szétosztja. A tanítás körülbelül 6 × paraméterek × tokenek FLOP, és a Chinchilla-szabály szerint egy számítási keretet paraméterenként kb. 20 tokenre érdemes elkölteni. Minden mező szerkeszthető.</translation>
    </message>
    <message>
        <source>{params} parameters trained on {tokens} tokens</source>
        <translation>{params} paraméter, {tokens} tokenen tanítva</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>This is not a Transformer Viz session file.</source>
        <translation>Ez nem Transformer Viz munkamenetfájl.</translation>
    </message>
    <message>
        <source>{path} is not a Transformer Viz session file.</source>
        <translation>A(z) {path} nem Transformer Viz munkamenetfájl.</translation>
    </message>
    <message>
        <source>This session was saved by a newer Transformer Viz; please update the app.</source>
        <translation>Ezt a munkamenetet a Transformer Viz egy újabb változata mentette; frissítsd az alkalmazást.</translation>
    </message>
    <message>
        <source>The session file is damaged: a field has the wrong type.</source>
        <translation>A munkamenetfájl sérült: egy mezőnek rossz a típusa.</translation>
    </message>
    <message>
        <source>The session names no model.</source>
        <translation>A munkamenet nem nevez meg modellt.</translation>
    </message>
    <message>
        <source>Cannot open {path}: {reason}</source>
        <translation>Nem nyitható meg: {path} ({reason})</translation>
    </message>
    <message>
        <source>{path} is not a session file: its JSON is nested far deeper than any session (or holds a number too long to read).</source>
        <translation>{path} nem munkamenetfájl: a JSON-tartalma sokkal mélyebben egymásba ágyazott, mint bármely munkamenet (vagy túl hosszú számot tartalmaz).</translation>
    </message>
    <message>
        <source>The session&apos;s text had {count} character(s) that are not valid Unicode; they were replaced by �.</source>
        <translation>A munkamenet szövegében {count} nem érvényes Unicode-karakter volt; a helyükre � került.</translation>
    </message>
    <message>
        <source>The session&apos;s {view} settings were out of range and were adjusted: {notes}.</source>
        <translation>A munkamenet {view} nézetre vonatkozó beállításai a megengedett tartományon kívül estek, ezért módosultak: {notes}.</translation>
    </message>
    <message>
        <source>{key} = {stored} is outside {low}…{high}; {used} is used</source>
        <translation>{key} = {stored} kívül esik a {low}…{high} tartományon; helyette {used}</translation>
    </message>
    <message>
        <source>{key} = {stored} is outside {low}…{high}; the default is used</source>
        <translation>{key} = {stored} kívül esik a {low}…{high} tartományon; helyette az alapértelmezett érték</translation>
    </message>
    <message>
        <source>The session&apos;s {view} settings could not be used ({reason}); that view keeps its own settings.</source>
        <translation>A munkamenet {view} nézetre vonatkozó beállításai nem használhatók ({reason}); ez a nézet megtartja a saját beállításait.</translation>
    </message>
</context>
<context>
    <name>SharedColourBar</name>
    <message>
        <source>attention weight</source>
        <translation>figyelemsúly</translation>
    </message>
</context>
<context>
    <name>ShotsTable</name>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>P(answer)</source>
        <translation>P(válasz)</translation>
    </message>
    <message>
        <source>log P</source>
        <translation>log P</translation>
    </message>
    <message>
        <source>rank of 1st token</source>
        <translation>első token helyezése</translation>
    </message>
    <message>
        <source>greedy says it</source>
        <translation>mohó dekódolás ezt mondja</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>igen</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nem</translation>
    </message>
    <message>
        <source>prompt longer than the model&apos;s {n} positions</source>
        <translation>a prompt hosszabb a modell {n} pozíciójánál</translation>
    </message>
</context>
<context>
    <name>SidePage</name>
    <message>
        <source>Tokens</source>
        <translation>Tokenek</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Figyelem</translation>
    </message>
    <message>
        <source>Next token</source>
        <translation>Következő token</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Lencse</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Réteg</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Fej</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Pozíció</translation>
    </message>
    <message>
        <source>Compare two runs to see them side by side.</source>
        <translation>Vess össze két futást, és itt egymás mellett láthatod őket.</translation>
    </message>
    <message>
        <source>Looking through the lens…</source>
        <translation>Vizsgálat a lencsén át…</translation>
    </message>
    <message>
        <source>The two runs have no position to compare.</source>
        <translation>A két futásnak nincs összevethető pozíciója.</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Find a token…</source>
        <translation>Token keresése…</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>Koszinusz</translation>
    </message>
    <message>
        <source>Neighbour</source>
        <translation>Szomszéd</translation>
    </message>
    <message>
        <source>Pick a token to follow its path through the layers.</source>
        <translation>Válassz egy tokent, hogy kövesd az útját a rétegeken át.</translation>
    </message>
    <message>
        <source>Selected: {label}  (id {id})</source>
        <translation>Kiválasztva: {label}  (azonosító {id})</translation>
    </message>
    <message>
        <source>Click a point or search for a token to see its nearest neighbours.</source>
        <translation>Kattints egy pontra, vagy keress rá egy tokenre, hogy lásd a legközelebbi szomszédait.</translation>
    </message>
    <message>
        <source>{i}: {label}</source>
        <translation>{i}: {label}</translation>
    </message>
</context>
<context>
    <name>SideTexts</name>
    <message>
        <source>Both runs read the same tokens.</source>
        <translation>Mindkét futás ugyanazokat a tokeneket olvassa.</translation>
    </message>
    <message>
        <source>Orange outline: another token at that position in the other run ({a} in A, {b} in B).</source>
        <translation>Narancssárga keret: a másik futásban más token áll azon a pozíción (A-ban {a}, B-ben {b}).</translation>
    </message>
    <message>
        <source>Click a chip to choose that position.</source>
        <translation>Kattints egy tokenre a pozíció kiválasztásához.</translation>
    </message>
    <message>
        <source>These runs have no attention to show.</source>
        <translation>Ezekben a futásokban nincs megjeleníthető figyelem.</translation>
    </message>
    <message>
        <source>query: output token</source>
        <translation>lekérdezés: kimeneti token</translation>
    </message>
    <message>
        <source>key: input token</source>
        <translation>kulcs: bemeneti token</translation>
    </message>
    <message>
        <source>query</source>
        <translation>lekérdezés</translation>
    </message>
    <message>
        <source>key</source>
        <translation>kulcs</translation>
    </message>
    <message>
        <source>The runs read different tokens, so the heads are not compared cell by cell.</source>
        <translation>A futások különböző tokeneket olvasnak, ezért a fejeket nem cellánként vetjük össze.</translation>
    </message>
    <message>
        <source>Total variation between the two heads: {tv} (0 alike, 1 disjoint; mean over the queries).</source>
        <translation>A két fej teljes variációs távolsága: {tv} (0: egyforma, 1: diszjunkt; a lekérdezések átlaga).</translation>
    </message>
    <message>
        <source>Position {p}: {a} in A, {b} in B</source>
        <translation>{p}. pozíció: A-ban {a}, B-ben {b}</translation>
    </message>
    <message>
        <source>(masked-LM: the token each run would put here)</source>
        <translation>(maszkolt nyelvi modell: a token, amelyet az egyes futások ide tennének)</translation>
    </message>
    <message>
        <source>KL(A ‖ B) {kl} nats</source>
        <translation>KL(A ‖ B) {kl} nat</translation>
    </message>
    <message>
        <source>top-1 flips: {a} → {b}</source>
        <translation>megváltozik a legvalószínűbb token: {a} → {b}</translation>
    </message>
    <message>
        <source>the same top-1 token {a}</source>
        <translation>azonos a legvalószínűbb token: {a}</translation>
    </message>
    <message>
        <source>no lens for this run</source>
        <translation>ehhez a futáshoz nincs lencse</translation>
    </message>
    <message>
        <source>the first {n} of {total} positions</source>
        <translation>az első {n} pozíció a(z) {total} közül</translation>
    </message>
    <message>
        <source>Each cell: the top token that layer would predict, brighter when more likely. The two grids scroll together.</source>
        <translation>Minden cella: a token, amelyet az a réteg a legvalószínűbbnek tartana; minél valószínűbb, annál élénkebb. A két rács együtt görgethető.</translation>
    </message>
    <message>
        <source>Only the first positions fit: the Lens tab shows the whole text.</source>
        <translation>Csak az első pozíciók férnek el: a Lencse lap a teljes szöveget mutatja.</translation>
    </message>
</context>
<context>
    <name>StepButtons</name>
    <message>
        <source>Step</source>
        <translation>Lépés</translation>
    </message>
    <message>
        <source>Draw one token from the coloured bars, add it and run the model again.</source>
        <translation>Húz egy tokent a színes oszlopok közül, hozzáfűzi, és újra lefuttatja a modellt.</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generálás</translation>
    </message>
    <message>
        <source>Step this many times, showing every step; stops at the end token.</source>
        <translation>Ennyiszer lép, és minden lépést megmutat; a záró tokennél megáll.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Mégse</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Visszavonás</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Alaphelyzet</translation>
    </message>
</context>
<context>
    <name>StepsPanel</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Előző</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Következő ▶</translation>
    </message>
    <message>
        <source>Output tokens (click one to jump to its step)</source>
        <translation>Kimeneti tokenek (kattints egyre, hogy a lépéséhez ugorj)</translation>
    </message>
    <message>
        <source>Input tokens: where this step looks ({what})</source>
        <translation>Bemeneti tokenek: hová figyel ez a lépés ({what})</translation>
    </message>
    <message>
        <source>Tokens: where this position looks ({what})</source>
        <translation>Tokenek: hová figyel ez a pozíció ({what})</translation>
    </message>
    <message>
        <source>Step {i} of {n}</source>
        <translation>{i}. lépés ({n} közül)</translation>
    </message>
    <message>
        <source>Reads “{r}”, the last position</source>
        <translation>Olvassa: „{r}”, az utolsó pozíció</translation>
    </message>
    <message>
        <source>Reads “{r}” → next token “{p}”</source>
        <translation>Olvassa: „{r}” → következő token: „{p}”</translation>
    </message>
    <message>
        <source>Colour and bar: the weight, from 0 (dark) to this step&apos;s largest, {v:.3f} (yellow).</source>
        <translation>Szín és sáv: a súly, 0-tól (sötét) a lépés legnagyobb súlyáig, {v:.3f}-ig (sárga).</translation>
    </message>
    <message>
        <source>Hatched grey: later tokens, masked.</source>
        <translation>Sraffozott szürke: későbbi, maszkolt tokenek.</translation>
    </message>
    <message>
        <source>“{t}” {w:.3f}</source>
        <translation>„{t}” {w:.3f}</translation>
    </message>
    <message>
        <source>Strongest:   {top}</source>
        <translation>A legerősebbek:   {top}</translation>
    </message>
    <message>
        <source>“{t}” (#{j}): masked, it comes later</source>
        <translation>„{t}” (#{j}): maszkolt, később jön</translation>
    </message>
    <message>
        <source>“{t}” (#{j}): weight {w:.4f}</source>
        <translation>„{t}” (#{j}): súly {w:.4f}</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>Tokens that survive top-k and top-p; sampling picks only among them.</source>
        <translation>A top-k és top-p szűrőn átjutó tokenek; a mintavételezés csak közülük választ.</translation>
    </message>
    <message>
        <source>The share of probability (after temperature) that the kept tokens held before renormalising.</source>
        <translation>A valószínűségnek az a része (a hőmérséklet után), amely az újranormálás előtt a megtartott tokenekre jutott.</translation>
    </message>
    <message>
        <source>Uncertainty of the distribution sampled from: 0 bits means one certain token; n bits is as uncertain as a fair choice among 2ⁿ tokens.</source>
        <translation>Annak az eloszlásnak a bizonytalansága, amelyből húzunk: 0 bit egyetlen biztos tokent jelent; n bit annyira bizonytalan, mint egy igazságos választás 2ⁿ token közül.</translation>
    </message>
    <message>
        <source>Kept: {kept} of {vocab} tokens</source>
        <translation>Megtartva: {kept} token a(z) {vocab} közül</translation>
    </message>
    <message>
        <source>Kept mass: {mass} %</source>
        <translation>Megtartott valószínűség: {mass} %</translation>
    </message>
    <message>
        <source>Entropy: {after} bits (before the cut: {before} bits)</source>
        <translation>Entrópia: {after} bit (a vágás előtt: {before} bit)</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <source>Task</source>
        <translation>Feladat</translation>
    </message>
    <message>
        <source>Load JSONL…</source>
        <translation>JSONL betöltése…</translation>
    </message>
    <message>
        <source>A file with one {&quot;prompt&quot;: &quot;…&quot;, &quot;completion&quot;: &quot;…&quot;} object per line.</source>
        <translation>Soronként egy {&quot;prompt&quot;: &quot;…&quot;, &quot;completion&quot;: &quot;…&quot;} objektumot tartalmazó fájl.</translation>
    </message>
    <message>
        <source>The prompt the model sees; {input} is replaced by each example&apos;s input.</source>
        <translation>A modell által látott prompt; az {input} helyére kerül minden példa bemenete.</translation>
    </message>
    <message>
        <source>Train on</source>
        <translation>Tanítás ezen</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Sablon</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>Fájl: {name}</translation>
    </message>
    <message>
        <source>Prompt/completion pairs</source>
        <translation>Prompt–válasz párok</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.json);;All files (*)</source>
        <translation>JSON-sorok (*.jsonl *.json);;Minden fájl (*)</translation>
    </message>
    <message>
        <source>⚠ {message}</source>
        <translation>⚠ {message}</translation>
    </message>
    <message>
        <source>{train} pairs to train on, {held} held out for the scores.</source>
        <translation>{train} pár a tanításhoz, {held} félretéve a pontozáshoz.</translation>
    </message>
</context>
<context>
    <name>TokenDetails</name>
    <message>
        <source>Point at a token to see its characters, id and bytes. Click to keep it; arrow keys move.</source>
        <translation>Mutass egy tokenre, hogy lásd a karaktereit, az azonosítóját és a bájtjait. Kattintással rögzíted; a nyílbillentyűkkel léptethetsz.</translation>
    </message>
    <message>
        <source>Token {n} of {total}</source>
        <translation>{n}. token ({total} közül)</translation>
    </message>
    <message>
        <source>id {id}</source>
        <translation>azonosító: {id}</translation>
    </message>
    <message>
        <source>Piece as stored: {piece}</source>
        <translation>A tárolt darab: {piece}</translation>
    </message>
    <message>
        <source>Special token added by the tokenizer; it covers no characters of the text.</source>
        <translation>A tokenizáló által hozzáadott speciális token; a szöveg egyetlen karakterét sem fedi le.</translation>
    </message>
    <message>
        <source>Covers no characters: the tokenizer trimmed its whitespace from the offsets.</source>
        <translation>Egyetlen karaktert sem fed le: a tokenizáló levágta a szóközt a pozíciói közül.</translation>
    </message>
    <message>
        <source>Characters {start}–{end}: “{text}”</source>
        <translation>Karakterek {start}–{end}: „{text}”</translation>
    </message>
    <message>
        <source>Unknown token: the vocabulary has no piece for these characters.</source>
        <translation>Ismeretlen token: a szókincsben nincs darab ezekre a karakterekre.</translation>
    </message>
    <message>
        <source>Bytes (UTF-8): {hex}</source>
        <translation>Bájtok (UTF-8): {hex}</translation>
    </message>
    <message>
        <source>Holds byte {first} of the {size} bytes of “{char}” (U+{code:04X}): {pattern}</source>
        <translation>A(z) „{char}” (U+{code:04X}) {size} bájtjából a(z) {first}. bájtot tartalmazza: {pattern}</translation>
    </message>
    <message>
        <source>Holds bytes {first}–{last} of the {size} bytes of “{char}” (U+{code:04X}): {pattern}</source>
        <translation>A(z) „{char}” (U+{code:04X}) {size} bájtjából a(z) {first}–{last}. bájtot tartalmazza: {pattern}</translation>
    </message>
    <message>
        <source>Joined to the token before it: no space between them in the text.</source>
        <translation>Az előző tokenhez kapcsolódik: a szövegben nincs köztük szóköz.</translation>
    </message>
    <message>
        <source>Starts a word.</source>
        <translation>Szót kezd.</translation>
    </message>
</context>
<context>
    <name>TokensPair</name>
    <message>
        <source>Input</source>
        <translation>Bemenet</translation>
    </message>
    <message>
        <source>Output (the decoder&apos;s inputs)</source>
        <translation>Kimenet (a dekóder bemenetei)</translation>
    </message>
</context>
<context>
    <name>TokensView</name>
    <message>
        <source>Tokens</source>
        <translation>Tokenek</translation>
    </message>
    <message>
        <source>A model never sees letters: the tokenizer cuts the text into pieces from its vocabulary and the model receives their ids. Each chip is one token, with the id beneath; ␣ marks a space that belongs to the token and ‐ a piece that continues a word. Point at a chip to light up its characters; below, other tokenizers cut the same text differently.</source>
        <translation>A modell sosem lát betűket: a tokenizáló a szókincse darabjaira vágja a szöveget, és a modell ezek azonosítóit kapja meg. Minden lapka egy token, alatta az azonosítója; a ␣ a tokenhez tartozó szóközt jelöli, a ‐ pedig egy szót folytató darabot. Mutass egy lapkára, hogy kiemeld a karaktereit; lent más tokenizálók ugyanazt a szöveget másképp vágják fel.</translation>
    </message>
    <message>
        <source>{chars} characters ({bytes} bytes in UTF-8) → {tokens} tokens ({special} special) · {ratio} characters per token</source>
        <translation>{chars} karakter ({bytes} bájt UTF-8-ban) → {tokens} token ({special} speciális) · {ratio} karakter tokenenként</translation>
    </message>
    <message>
        <source>(cut to the model&apos;s length: the counts are of the tokens the model sees)</source>
        <translation>(a modell hosszára vágva: a számok a modell által látott tokenekre vonatkoznak)</translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <source>Training</source>
        <translation>Tanítás</translation>
    </message>
    <message>
        <source>Multi-task tuning: this share of every batch comes from the other bundled tasks, which keeps the model from forgetting them.</source>
        <translation>Többfeladatos hangolás: minden köteg ekkora része a többi beépített feladatból jön, így a modell nem felejti el őket.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Lépések</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Köteg</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Tanulási ráta</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Mag</translation>
    </message>
    <message>
        <source>Mix in old tasks</source>
        <translation>Régi feladatok aránya</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Tanítás</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Mégse</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Mentés…</translation>
    </message>
    <message>
        <source>LoRA and prompt tuning save an adapter folder (save_pretrained); full and selective tuning save the whole model.</source>
        <translation>A LoRA és a prompthangolás adaptermappát ment (save_pretrained); a teljes és a szelektív hangolás az egész modellt.</translation>
    </message>
    <message>
        <source>Use in all views</source>
        <translation>Használat minden nézetben</translation>
    </message>
    <message>
        <source>The tuned model (adapter merged into the weights) becomes the app&apos;s model, so every tab shows it.</source>
        <translation>A hangolt modell (az adapter a súlyokba olvasztva) lesz az alkalmazás modellje, így minden lap ezt mutatja.</translation>
    </message>
    <message>
        <source>Compare with base</source>
        <translation>Összevetés az alapmodellel</translation>
    </message>
    <message>
        <source>Opens the Compare tab: the loaded model against the tuned one on the same text, position by position.</source>
        <translation>Megnyitja az Összevetés lapot: a betöltött modell és a hangolt példány ugyanazon a szövegen, pozícióról pozícióra.</translation>
    </message>
</context>
<context>
    <name>WeightsPanel</name>
    <message>
        <source>Log counts</source>
        <translation>Logaritmikus darabszám</translation>
    </message>
    <message>
        <source>Weights of the layer, with the int8 grid</source>
        <translation>A réteg súlyai az int8-rácsszal</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>súlyérték</translation>
    </message>
    <message>
        <source>count</source>
        <translation>darabszám</translation>
    </message>
    <message>
        <source>Largest |weight| of each output channel</source>
        <translation>Kimeneti csatornánként a legnagyobb |súly|</translation>
    </message>
    <message>
        <source>output channel</source>
        <translation>kimeneti csatorna</translation>
    </message>
    <message>
        <source>absmax</source>
        <translation>absmax</translation>
    </message>
    <message>
        <source>Relative L2 error</source>
        <translation>Relatív L2-hiba</translation>
    </message>
    <message>
        <source>Max absolute error</source>
        <translation>Legnagyobb abszolút hiba</translation>
    </message>
    <message>
        <source>SQNR (dB, higher is better)</source>
        <translation>SQNR (dB, a nagyobb a jobb)</translation>
    </message>
    <message>
        <source>Measure all layers</source>
        <translation>Minden réteg mérése</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>Réteg:</translation>
    </message>
    <message>
        <source>Every Linear and Conv1D layer:</source>
        <translation>Minden Linear és Conv1D réteg:</translation>
    </message>
    <message>
        <source> (tied to the input embedding)</source>
        <translation> (a bemeneti beágyazáshoz kötve)</translation>
    </message>
    <message>
        <source>{name}  [{out}×{inp}] {kind}{note}</source>
        <translation>{name}  [{out}×{inp}] {kind}{note}</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>súlyok</translation>
    </message>
    <message>
        <source>int8 levels (per-tensor)</source>
        <translation>int8-szintek (tenzoronként)</translation>
    </message>
    <message>
        <source>clipping range ±absmax</source>
        <translation>vágási tartomány ±absmax</translation>
    </message>
    <message>
        <source>Per-tensor int8: step {step} over ±{clip} (the largest |weight|); the weights&apos; spread (std) is {std}, so most of them use only ±{used} of the 127 levels. {n} outlier channels (absmax over {factor}× the median); per-channel scales give every output channel its own step.</source>
        <translation>Tenzoronkénti int8: {step} lépésköz ±{clip} tartományon (a legnagyobb |súly|); a súlyok szórása {std}, így a legtöbbjük a 127 szintből csak ±{used} szintet használ. {n} kiugró csatorna (az absmax a medián {factor}-szorosa fölött); a csatornánkénti lépésköz minden kimeneti csatornának saját lépésközt ad.</translation>
    </message>
    <message>
        <source>channel absmax</source>
        <translation>csatorna-absmax</translation>
    </message>
    <message>
        <source>outlier channels</source>
        <translation>kiugró csatornák</translation>
    </message>
    <message>
        <source>outlier threshold</source>
        <translation>kiugrási küszöb</translation>
    </message>
    <message>
        <source>{n} layers measured in {s:.1f} s</source>
        <translation>{n} réteg lemérve {s:.1f} s alatt</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Réteg</translation>
    </message>
    <message>
        <source>Shape [out×in]</source>
        <translation>Alak [ki×be]</translation>
    </message>
    <message>
        <source>{out}×{inp} {kind}</source>
        <translation>{out}×{inp} {kind}</translation>
    </message>
    <message>
        <source>{v:.1f}</source>
        <translation>{v:.1f}</translation>
    </message>
    <message>
        <source>{v:.2e}</source>
        <translation>{v:.2e}</translation>
    </message>
    <message>
        <source>relative L2 {rel:.3e} · max |error| {mx:.3e} · SQNR {sqnr:.1f} dB</source>
        <translation>relatív L2 {rel:.3e} · max |hiba| {mx:.3e} · SQNR {sqnr:.1f} dB</translation>
    </message>
</context>
<context>
    <name>WhyView</name>
    <message>
        <source>Load a model and type a text; then ask why it predicts a token.</source>
        <translation>Tölts be egy modellt, írj be egy szöveget, aztán kérdezd meg, miért jósol egy tokent.</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>Bemeneti tokenek</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>Fejek</translation>
    </message>
    <message>
        <source>Patching</source>
        <translation>Foltozás</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Mégse</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Miért</translation>
    </message>
    <message>
        <source>Why did the model predict this token? Input tokens: how much each token raised (orange) or lowered (blue) its log-probability. Heads: knock heads out and see the prediction change; a scan tries each head alone. Patching: run a corrupted prompt and put back the clean run&apos;s activations one layer and position at a time, to find where the answer is carried.</source>
        <translation>Miért ezt a tokent jósolta a modell? Bemeneti tokenek: mennyivel növelte (narancs) vagy csökkentette (kék) az egyes token a log-valószínűségét. Fejek: üss ki fejeket, és nézd, hogyan változik az előrejelzés; a végigpróbálás egyenként kiüt minden fejet. Foltozás: futtass egy elrontott szöveget, és tedd vissza a tiszta futás aktivációit rétegenként és pozíciónként, hogy megtaláld, hol halad a válasz.</translation>
    </message>
    <message>
        <source>This model has no language-model head, so there is no prediction to explain.</source>
        <translation>Ennek a modellnek nincs nyelvimodell-feje, így nincs megmagyarázható előrejelzés.</translation>
    </message>
    <message>
        <source>Why “{token}” at position {i} (“{at}”)?</source>
        <translation>Miért „{token}” a(z) {i}. pozíción („{at}”)?</translation>
    </message>
    <message>
        <source>Why “{token}” as output token {i}? Scores are over the input tokens.</source>
        <translation>Miért „{token}” a(z) {i}. kimeneti token? A pontszámok a bemeneti tokenekre vonatkoznak.</translation>
    </message>
    <message>
        <source>Why “{token}” after “{at}” (position {i})?</source>
        <translation>Miért „{token}” a(z) „{at}” után ({i}. pozíció)?</translation>
    </message>
</context>
</TS>

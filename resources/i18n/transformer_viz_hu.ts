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
        <source>Point at a head to read it; click it to open it in detail.</source>
        <translation>Mutass egy fejre a részletekért; kattints rá, hogy részletesen megnyisd.</translation>
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
        <source>{pattern}: &lt;a href=&quot;{l}:{h}&quot;&gt;layer {L}, head {H}&lt;/a&gt; ({w:.2f})</source>
        <translation>{pattern}: &lt;a href=&quot;{l}:{h}&quot;&gt;{L}. réteg, {H}. fej&lt;/a&gt; ({w:.2f})</translation>
    </message>
    <message>
        <source>Strongest heads for the textbook patterns (mean weight; {even:.2f} if spread evenly):</source>
        <translation>A tankönyvi minták legerősebb fejei (átlagos súly; egyenletes eloszlásnál {even:.2f}):</translation>
    </message>
    <message>
        <source>Layer {l}, head {h}: largest weight {w:.3f}. Click to open it.</source>
        <translation>{l}. réteg, {h}. fej: legnagyobb súly {w:.3f}. Kattints a megnyitáshoz.</translation>
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
        <translation>Beágyazások</translation>
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
        <translation>A szöveg ({given}) hosszabb annál, amit a szövegmező tárol: az első {kept} karaktert tartja meg. Hosszabb szövegekhez használja a parancssort (--export), amely így is csak azt olvassa be, amit a modell láthat.</translation>
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
        <source>{name} · {family} · {params:.1f} M parameters · {device} · {dtype} · {mb:.0f} MB</source>
        <translation>{name} · {family} · {params:.1f} M paraméter · {device} · {dtype} · {mb:.0f} MB</translation>
    </message>
    <message>
        <source>Open a model folder</source>
        <translation>Modellmappa megnyitása</translation>
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
        <source>On this CPU, matrix products take about {fp16:.0f}× as long in fp16 and {bf16:.0f}× as long in bf16 as in float32 (measured): on a large model these runs take a while.</source>
        <translation>Ezen a CPU-n a mátrixszorzás fp16-ban körülbelül {fp16:.0f}×, bf16-ban {bf16:.0f}× annyi ideig tart, mint float32-ben (mérve): nagy modellen ezek a futások eltartanak egy ideig.</translation>
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
    <name>SamplingControls</name>
    <message>
        <source>Greedy (always the most likely token)</source>
        <translation>Mohó (mindig a legvalószínűbb token)</translation>
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
        <source>Sampling</source>
        <translation>Mintavételezés</translation>
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
        <source>The session&apos;s {view} settings could not be used ({reason}); that view keeps its own settings.</source>
        <translation>A munkamenet {view} nézetre vonatkozó beállításai nem használhatók ({reason}); ez a nézet megtartja a saját beállításait.</translation>
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
        <source>Kept: {kept:,} of {vocab:,} tokens</source>
        <translation>Megtartva: {kept:,} token a(z) {vocab:,} közül</translation>
    </message>
    <message>
        <source>Kept mass: {mass:.2%}</source>
        <translation>Megtartott valószínűség: {mass:.2%}</translation>
    </message>
    <message>
        <source>Entropy: {after:.2f} bits (before the cut: {before:.2f} bits)</source>
        <translation>Entrópia: {after:.2f} bit (a vágás előtt: {before:.2f} bit)</translation>
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
        <source>{chars} characters ({bytes} bytes in UTF-8) → {tokens} tokens ({special} special) · {ratio:.2f} characters per token</source>
        <translation>{chars} karakter ({bytes} bájt UTF-8-ban) → {tokens} token ({special} speciális) · {ratio:.2f} karakter tokenenként</translation>
    </message>
    <message>
        <source>(cut to the model&apos;s length: the counts are of the tokens the model sees)</source>
        <translation>(a modell hosszára vágva: a számok a modell által látott tokenekre vonatkoznak)</translation>
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
</TS>

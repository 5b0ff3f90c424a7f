"""Token vectors projected to 2-D or 3-D: exact PCA with torch; UMAP or t-SNE when they are installed."""

from __future__ import annotations

import importlib.util
import threading
import time
import weakref
from dataclasses import dataclass

import numpy as np

from viz.core.neighbours import CosineNeighbours

# method -> the optional module it needs (None: always there)
_METHOD_MODULES = {"pca": None, "umap": "umap", "tsne": "sklearn"}
NONLINEAR_INPUT_DIM = 50  # t-SNE runs on the first 50 principal components, the usual practice


def available_methods() -> tuple[str, ...]:
    """The projection methods usable here; PCA always, UMAP/t-SNE when their package is installed."""
    return tuple(
        m for m, module in _METHOD_MODULES.items() if module is None or importlib.util.find_spec(module) is not None
    )


@dataclass(frozen=True, eq=False)
class Projection:
    coords: np.ndarray  # [..., components] float32: [points, k] for a matrix, [layer + 1, seq, k] for paths
    explained: np.ndarray  # [components] share of the total variance per PCA component; empty for UMAP/t-SNE
    method: str  # "pca", "umap" or "tsne"
    source_dim: int  # dimensions of the vectors before projecting
    seconds: float = 0.0

    @property
    def components(self) -> int:
        return self.coords.shape[-1]

    @property
    def linear(self) -> bool:
        return self.method == "pca"

    def explained_total(self, shown: int) -> float:
        """Share of the variance that the first `shown` components explain together (0 for non-linear maps)."""
        return float(self.explained[:shown].sum())


def pca(matrix, components: int = 3, device: str = "cpu") -> Projection:
    """Exact PCA of the rows of `matrix` (numpy or torch, `[points, dim]`) computed on `device`.

    The principal axes are the eigenvectors of the `dim x dim` scatter matrix `XᵀX` of the centred
    rows. For 50k x 768 that is one matrix product and a 768 x 768 `eigh`: about 1 s on two CPU cores,
    against about 9 s for `torch.linalg.svd` of the 50k x 768 matrix itself, with the same axes
    (the eigendecomposition runs in float64, so the squared singular values lose nothing that
    float32 coordinates could show). Signs are fixed so the largest loading of each axis is positive,
    which keeps the picture from flipping between runs.
    """
    import torch

    started = time.perf_counter()
    with torch.inference_mode():
        if isinstance(matrix, np.ndarray) and not matrix.flags.writeable:
            matrix = matrix.copy()  # a trace's arrays are read-only; torch wants to own writable memory
        x = torch.as_tensor(matrix).to(device=device, dtype=torch.float32)  # [points, dim]
        points, dim = x.shape
        k = max(1, min(components, dim))
        centered = x - x.mean(dim=0, keepdim=True)  # [points, dim]
        scatter = (centered.T @ centered).double()  # [dim, dim]
        values, vectors = torch.linalg.eigh(scatter)  # ascending
        values = values.flip(0).clamp_min(0)  # [dim] descending; tiny negative round-off is zero variance
        basis = vectors.flip(1)[:, :k]  # [dim, k]
        largest = basis.abs().argmax(dim=0)  # [k]
        signs = torch.sign(basis[largest, torch.arange(k, device=basis.device)])
        basis = basis * torch.where(signs == 0, torch.ones_like(signs), signs)
        coords = centered @ basis.to(torch.float32)  # [points, k]
        total = values.sum()
        explained = values[:k] / total if total > 0 else torch.zeros(k, dtype=values.dtype)
        return Projection(
            coords=coords.cpu().numpy(),
            explained=explained.float().cpu().numpy(),
            method="pca",
            source_dim=dim,
            seconds=time.perf_counter() - started,
        )


def project(matrix, method: str = "pca", components: int = 2, device: str = "cpu", seed: int = 0) -> Projection:
    """Any available method; UMAP and t-SNE run on the CPU with numpy (their libraries need it)."""
    if method == "pca":
        return pca(matrix, components, device)
    if method not in available_methods():
        raise ValueError(f"projection method {method!r} is not available here; install its package")
    started = time.perf_counter()
    x = np.asarray(matrix.detach().cpu() if hasattr(matrix, "detach") else matrix, dtype=np.float32)  # [points, dim]
    if method == "umap":
        import umap

        coords = umap.UMAP(n_components=components, metric="cosine", random_state=seed).fit_transform(x)
    else:
        from sklearn.manifold import TSNE

        reduced = pca(x, min(NONLINEAR_INPUT_DIM, x.shape[1]), device).coords
        perplexity = float(min(30.0, max(1.0, (len(x) - 1) / 3)))
        coords = TSNE(
            n_components=components, init="pca", metric="cosine", perplexity=perplexity, random_state=seed
        ).fit_transform(reduced)
    return Projection(
        coords=np.asarray(coords, dtype=np.float32),
        explained=np.zeros(0, dtype=np.float32),
        method=method,
        source_dim=x.shape[1],
        seconds=time.perf_counter() - started,
    )


# ---- the vocabulary of a loaded model, cached per model ----------------------------------------

@dataclass(frozen=True, eq=False)
class VocabularyMap:
    model_name: str
    projection: Projection  # coords [vocab, components]
    labels: tuple[str, ...]  # one readable label per embedding row
    neighbours: CosineNeighbours  # over the full-dimensional input embeddings

    def __len__(self) -> int:
        return len(self.labels)


_caches: dict[int, dict] = {}
_caches_lock = threading.Lock()


def _cache_of(loaded) -> dict:
    """A dict that lives as long as the model: projections are reused when a person switches back."""
    key = id(loaded)
    with _caches_lock:
        cache = _caches.get(key)
        if cache is None:
            cache = _caches[key] = {}
            weakref.finalize(loaded, _caches.pop, key, None)  # id() may be reused after the model goes
        return cache


def vocabulary_map(loaded, method: str = "pca", components: int = 2) -> VocabularyMap:
    """The model's whole input-embedding matrix projected; PCA on the model's own device."""
    cache = _cache_of(loaded)
    # PCA always keeps three axes: the 2-D and 3-D pictures then share one computation.
    key = ("pca", 3) if method == "pca" else (method, components)
    if key in cache:
        return cache[key]
    if method == "pca":
        weight = loaded.model.get_input_embeddings().weight.detach()  # [vocab, d_model]
        projection = pca(weight, 3, str(loaded.device))
    else:
        projection = project(loaded.input_embeddings(), method, components, "cpu")
    if "labels" not in cache:
        cache["labels"] = vocabulary_labels(loaded.tokenizer, projection.coords.shape[0])
        cache["neighbours"] = CosineNeighbours(loaded.input_embeddings())
    result = VocabularyMap(loaded.name, projection, cache["labels"], cache["neighbours"])
    cache[key] = result
    return result


def vocabulary_labels(tokenizer, rows: int) -> tuple[str, ...]:
    """A readable label per embedding row: byte-level pieces decoded, spaces shown as ␣, newlines as ↵.

    Rows past the tokenizer's vocabulary (padded embedding matrices) are labelled `#id`.
    """
    known = min(rows, len(tokenizer))
    pieces = tokenizer.convert_ids_to_tokens(list(range(known)))
    specials = set(getattr(tokenizer, "all_special_tokens", ()))
    byte_level = _is_byte_level(tokenizer)
    labels = []
    for index, piece in enumerate(pieces):
        if piece is None:
            labels.append(f"#{index}")
        elif piece in specials:
            labels.append(piece)
        else:
            labels.append(_visible(_bytes_to_text(piece) if byte_level else piece))
    labels.extend(f"#{index}" for index in range(known, rows))
    return tuple(labels)


def _is_byte_level(tokenizer) -> bool:
    backend = getattr(tokenizer, "backend_tokenizer", None)
    decoder = getattr(backend, "decoder", None)
    return type(decoder).__name__ == "ByteLevel"


_VISIBLE = str.maketrans({" ": "␣", "▁": "␣", "\n": "↵", "\t": "⇥", "\r": "↵"})


def _visible(text: str) -> str:
    """Whitespace as visible marks, other invisible characters (controls, zero-width) as escapes."""
    if not text:
        return "∅"
    text = text.translate(_VISIBLE)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def _byte_table() -> dict[str, int]:
    """GPT-2's map from the printable stand-in characters back to bytes (Ġ is a space)."""
    printable = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1), *range(ord("®"), ord("ÿ") + 1)]
    chars = list(printable)
    extra = 0
    for byte in range(256):
        if byte not in printable:
            printable.append(byte)
            chars.append(256 + extra)
            extra += 1
    return {chr(c): b for b, c in zip(printable, chars)}


_BYTES = _byte_table()


def _bytes_to_text(piece: str) -> str:
    if any(ch not in _BYTES for ch in piece):
        return piece  # an added token written as plain text
    # A piece may hold part of a multi-byte character: show the stray bytes as \xNN.
    return bytes(_BYTES[ch] for ch in piece).decode("utf-8", errors="backslashreplace")


# ---- the prompt's hidden states through the layers ------------------------------------------------

def hidden_state_sides(trace) -> tuple[str, ...]:
    return trace.hidden_sides


def hidden_state_labels(trace, side: str) -> list[str]:
    """Token labels for one side's hidden states (the decoder of an encoder-decoder reads the output),
    with spaces and newlines made visible as in the vocabulary labels."""
    uses_output = side == "decoder" and bool(trace.output_tokens)
    return [_visible(label) for label in trace.side_labels("output" if uses_output else "input")]


def hidden_state_paths(trace, side: str, components: int = 2, unit_length: bool = False) -> Projection:
    """Every layer's hidden states of one side in one shared PCA space, `coords [layer + 1, seq, k]`.

    One PCA is fitted on all layers' token vectors together, so a token's positions at different
    layers are comparable and its path shows how context moves it. `unit_length` compares
    directions only: without it, a few tokens with very large vectors (the first token of many
    decoders) can take the whole picture.
    """
    states = trace.hidden_store.stacked(side)  # [layer + 1, seq, d_model] float32
    layers, seq, dim = states.shape
    flat = states.reshape(layers * seq, dim)  # [(layer + 1) * seq, d_model]
    if unit_length:
        norms = np.linalg.norm(flat, axis=1, keepdims=True)
        flat = flat / np.where(norms > 0, norms, 1.0)
    projection = pca(flat, components, "cpu")
    return Projection(
        coords=projection.coords.reshape(layers, seq, projection.components),
        explained=projection.explained,
        method="pca",
        source_dim=dim,
        seconds=projection.seconds,
    )

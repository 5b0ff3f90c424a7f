"""Resolve what the user typed (a bundled name, a folder, a Hub id) to a local model folder."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from viz.core.errors import ModelSourceError, WeightsError
from viz.core.resources import bundled_model_path

# Files a model folder needs; the Hub download fetches only these (never pickles unless allowed).
_HUB_PATTERNS = ["*.json", "*.safetensors", "*.txt", "*.model", "tokenizer*", "spiece*", "vocab*", "merges*"]
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")


@dataclass(frozen=True)
class ResolvedSource:
    path: Path
    name: str  # what the UI shows: the bundled name, Hub id, or folder name
    kind: str  # "bundled", "folder" or "hub"


def resolve_source(source: str, allow_pickle: bool = False) -> ResolvedSource:
    source = source.strip()
    if not source:
        raise ModelSourceError("No model given: choose a bundled model, a folder, or a Hugging Face Hub id.")
    bundled = bundled_model_path(source)
    if bundled is not None:
        return ResolvedSource(bundled, source, "bundled")
    path = Path(source).expanduser()
    if path.exists() or source.startswith((".", "/", "~")) or "\\" in source:
        return ResolvedSource(_check_folder(path, allow_pickle), path.name or source, "folder")
    if _HUB_ID.match(source):
        return ResolvedSource(_check_folder(_download(source, allow_pickle), allow_pickle), source, "hub")
    raise ModelSourceError(f"'{source}' is neither a bundled model, an existing folder, nor a Hub id.")


def _check_folder(path: Path, allow_pickle: bool) -> Path:
    if not path.is_dir():
        raise ModelSourceError(f"Folder not found: {path}")
    if not (path / "config.json").is_file():
        raise ModelSourceError(f"{path} is not a model folder (it has no config.json).")
    safetensors = list(path.glob("*.safetensors"))
    pickles = list(path.glob("*.bin")) + list(path.glob("*.pt"))
    if not safetensors and pickles and not allow_pickle:
        raise WeightsError(
            f"{path.name} has only pickled weights (.bin). Pickles can run code; "
            "allow pickled weights explicitly to load them (with torch's weights_only)."
        )
    if not safetensors and not pickles:
        raise WeightsError(f"{path} holds no model weights (.safetensors).")
    return path


def _download(repo_id: str, allow_pickle: bool) -> Path:
    """Fetch from the Hub, or the standard cache; honours HF_HOME, HF_TOKEN and HF_HUB_OFFLINE."""
    import huggingface_hub
    from huggingface_hub import errors as hub_errors

    patterns = _HUB_PATTERNS + (["*.bin"] if allow_pickle else [])
    try:
        folder = huggingface_hub.snapshot_download(repo_id, allow_patterns=patterns)
    except hub_errors.GatedRepoError as exc:
        raise ModelSourceError(
            f"{repo_id} is gated: accept its licence on the Hub and set HF_TOKEN ({_first_line(exc)})."
        ) from None
    except hub_errors.RepositoryNotFoundError:
        raise ModelSourceError(f"No model '{repo_id}' on the Hugging Face Hub (or it is private).") from None
    except hub_errors.LocalEntryNotFoundError:
        raise ModelSourceError(
            f"'{repo_id}' is not in the local cache and the Hub cannot be reached (offline?)."
        ) from None
    except (OSError, ValueError) as exc:
        raise ModelSourceError(f"Could not fetch '{repo_id}' from the Hub: {_first_line(exc)}") from None
    return Path(folder)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__

"""Accuracy of a clustering against the truth.

Pairwise: every unordered pair of documents is a "same story" prediction. With the contingency
table n_ij (documents in predicted cluster i and true story j), a_i and b_j its margins:
    TP = Σ C(n_ij, 2),  predicted pairs = Σ C(a_i, 2),  true pairs = Σ C(b_j, 2)
    precision = TP / predicted pairs,  recall = TP / true pairs,  F1 = harmonic mean.
Adjusted Rand index (Hubert & Arabie, 1985):
    ARI = (TP - E) / (½(Σ C(a_i,2) + Σ C(b_j,2)) - E),  E = Σ C(a_i,2) · Σ C(b_j,2) / C(n, 2).
Labelled pairs (``pairs_scores``): each pair is predicted positive when both documents share a
cluster; precision/recall/F1 over the labelled pairs only.
Rejected documents count as singletons (they are in no story).
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import orjson

from neardup.errors import InputError, NeardupError, UsageError
from neardup.write.names import records_files


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    ari: float | None
    true_positives: int
    predicted_pairs: int
    true_pairs: int
    documents: int
    #: What could not be scored: predicted ids absent from the truth and truth ids absent
    #: from the predictions (``--truth``), or labelled pairs with an id absent from the
    #: predictions (``--pairs``). Scores cover the rest only, so these are reported, not hidden.
    unscored_predicted: int = 0
    unscored_truth: int = 0
    unscored_pairs: int = 0
    #: Labelled pairs not counted (``--pairs``): a document paired with itself (always "the
    #: same story", whatever the clustering), and a pair listed again (in either order).
    self_pairs: int = 0
    repeated_pairs: int = 0

    def unscored_message(self) -> str | None:
        """A sentence saying what was left out of the scores, or None when nothing was."""
        parts = []
        if self.unscored_predicted:
            parts.append(f"{self.unscored_predicted:,} predicted ids are not in the truth")
        if self.unscored_truth:
            parts.append(f"{self.unscored_truth:,} truth ids are not in the predictions")
        if self.unscored_pairs:
            parts.append(f"{self.unscored_pairs:,} labelled pairs have an id that is not in "
                         "the predictions")
        if self.self_pairs:
            parts.append(f"{self.self_pairs:,} labelled pairs pair a document with itself")
        if self.repeated_pairs:
            parts.append(f"{self.repeated_pairs:,} labelled pairs are listed again (counted "
                         "once)")
        if not parts:
            return None
        return "; ".join(parts) + ": scores cover the rest only"

    def to_dict(self) -> dict[str, float | int | None]:
        return {k: (round(v, 6) if isinstance(v, float) else v) for k, v in asdict(self).items()}


def prf(tp: float, predicted: float, actual: float) -> tuple[float, float, float]:
    """Precision, recall, F1 of ``tp`` true pairs among ``predicted`` and ``actual`` ones
    (no predicted pair: precision 1; no true pair: recall 1)."""
    precision = tp / predicted if predicted else 1.0
    recall = tp / actual if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def cluster_scores(predicted: Mapping[str, object], truth: Mapping[str, object]) -> Scores:
    """Pairwise P/R/F1 and ARI over the documents present in both mappings (id → label).

    No id in common is an error: the scores of zero documents (all 1.0) would look perfect."""
    ids = [i for i in predicted if i in truth]
    if not ids:
        raise NeardupError(
            f"no document id is in both the predictions ({len(predicted):,} ids) and the truth "
            f"({len(truth):,} ids): not the same corpus, or the ids are in another field "
            "(--id-field)")
    joint = Counter((predicted[i], truth[i]) for i in ids)
    rows = Counter(predicted[i] for i in ids)
    cols = Counter(truth[i] for i in ids)
    tp = sum(_pairs(v) for v in joint.values())
    sum_rows = sum(_pairs(v) for v in rows.values())
    sum_cols = sum(_pairs(v) for v in cols.values())
    precision, recall, f1 = prf(tp, sum_rows, sum_cols)
    total = _pairs(len(ids))
    expected = sum_rows * sum_cols / total if total else 0.0
    max_index = (sum_rows + sum_cols) / 2
    ari = (tp - expected) / (max_index - expected) if max_index != expected else 1.0
    return Scores(precision, recall, f1, ari, tp, sum_rows, sum_cols, len(ids),
                  unscored_predicted=len(predicted) - len(ids),
                  unscored_truth=len(truth) - len(ids))


def pairs_scores(predicted: Mapping[str, object],
                 pairs: Iterable[tuple[str, str, bool]]) -> Scores:
    """P/R/F1 over labelled pairs: (id_a, id_b, is_duplicate).

    No pair with both ids in the predictions is an error, as in ``cluster_scores``: such a
    run scored recall 0 (or P = R = F1 = 1 without pairs) for pairs of another corpus.
    A pair counts once, in either order, and a document paired with itself not at all (it
    shares its story with itself under any clustering: a true positive or a false one that
    says nothing of the run); both are reported. One pair labelled both ways is an error."""
    return verdict_scores(pair_verdicts(predicted, pairs), len(predicted))


def verdict_scores(verdicts: PairVerdicts, documents: int) -> Scores:
    """``pairs_scores`` of pairs already judged (``pair_verdicts``; ``documents``: the
    predicted ids)."""
    same, label = verdicts.same, verdicts.label
    tp = sum(s and y for s, y in zip(same, label, strict=True))
    precision, recall, f1 = prf(tp, sum(same), sum(label))
    return Scores(precision, recall, f1, None, tp, sum(same), sum(label), documents,
                  unscored_pairs=verdicts.unscored, self_pairs=verdicts.self_pairs,
                  repeated_pairs=verdicts.repeated)


@dataclass(frozen=True)
class PairVerdicts:
    """The scored labelled pairs, in the order given: ``same[i]``, pair i's documents share a
    story; ``label[i]``, pair i is a duplicate; and what was not scored."""

    same: list[bool]
    label: list[bool]
    unscored: int  # an id not in the predictions
    self_pairs: int
    repeated: int


def pair_verdicts(predicted: Mapping[str, object],
                  pairs: Iterable[tuple[str, str, bool]]) -> PairVerdicts:
    """Each labelled pair once (see ``pairs_scores``) with the clustering's verdict on it."""
    total = self_pairs = repeated = 0
    labels: dict[tuple[str, str], bool] = {}
    same: list[bool] = []
    scored_labels: list[bool] = []
    for a, b, label in pairs:
        total += 1
        if a == b:
            self_pairs += 1
            continue
        key = (a, b) if a < b else (b, a)
        if key in labels:
            if labels[key] != label:
                raise NeardupError(f"the pair {a!r}, {b!r} is labelled both a duplicate and "
                                   "not a duplicate")
            repeated += 1
            continue
        labels[key] = label
        if a not in predicted or b not in predicted:
            continue  # (unscored, and reported: not a false negative)
        same.append(predicted[a] == predicted[b])
        scored_labels.append(bool(label))
    if not same:
        pairs_of_itself = (f"; {self_pairs:,} pair a document with itself, which says nothing "
                           "of a run" if self_pairs else "")
        raise NeardupError(
            f"no labelled pair has both its ids in the predictions ({total:,} pairs, "
            f"{len(predicted):,} predicted ids{pairs_of_itself}): not the same corpus, or the "
            "ids are in another field")
    return PairVerdicts(same, scored_labels, total - self_pairs - repeated - len(same),
                        self_pairs, repeated)


def _read_jsonl(path: Path) -> Iterable[tuple[int, dict]]:
    from neardup.read.files import open_binary
    from neardup.read.records import TOO_DEEP, TOO_LONG, json_problem

    if path.is_dir():  # ("[Errno 21] Is a directory" otherwise)
        held = [name for name in records_files("documents")
                if (path / name).exists()] or ["documents.jsonl"]
        raise InputError(str(path), f"is a folder, not a file (give the {held[0]} that a "
                         "dedup run wrote in it)")

    with open_binary(path) as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{number}", f"malformed JSON: {json_problem(exc)} "
                                     f"(column {exc.colno})") from exc
                except RecursionError as exc:  # (not a JSONDecodeError)
                    raise InputError(f"{path}:{number}", TOO_DEEP) from exc
                except UnicodeDecodeError as exc:
                    raise InputError(f"{path}:{number}",
                                     f"invalid UTF-8 at byte {exc.start}") from exc
                except ValueError as exc:  # (an integer of more digits than json converts)
                    raise InputError(f"{path}:{number}", TOO_LONG) from exc
                if not isinstance(record, dict):
                    raise InputError(f"{path}:{number}",
                                     f"expected a JSON object, got {type(record).__name__}")
                yield number, record


def _read_records(path: Path) -> Iterable[tuple[int, dict]]:
    """Records of a JSONL (optionally compressed) or Parquet file, numbered from 1."""
    if path.name.lower().endswith(".parquet"):
        import pyarrow.parquet as pq

        try:
            table = pq.read_table(path, columns=None)
        except Exception as exc:  # not Parquet, truncated: say so instead of a traceback
            raise InputError(str(path), f"unreadable Parquet file: {exc}") from exc
        yield from enumerate(table.to_pylist(), start=1)
    else:
        yield from _read_jsonl(path)


def load_predicted(path: Path) -> dict[str, object]:
    """id → story from a ``documents.jsonl`` or ``.parquet`` (rejected ones are singletons)."""
    if not path.exists():
        raise UsageError(f"{path}: no such file")  # (exit 2, as for dedup's INPUTs)

    def checked() -> Iterator[dict[str, Any]]:
        for number, record in _read_records(path):
            if "id" not in record or "cluster" not in record:
                raise InputError(f"{path}:{number}", "expected fields 'id' and 'cluster'")
            yield record

    return stories_of(checked())


def stories_of(records: Iterable[Mapping[str, Any]]) -> dict[str, object]:
    """id → story of dedup's per-document records (``documents.*``, ``Result.records``): a
    rejected document is a story of its own, so a pair with it is predicted "not a copy"."""
    predicted: dict[str, object] = {}
    for record in records:
        rid = str(record["id"])
        if record.get("status") == "rejected":
            # (a repeated id is rejected: the document that kept the id is the one scored)
            predicted.setdefault(rid, ("rejected", rid))
        elif rid not in predicted or predicted[rid] == ("rejected", rid):
            # (the first record of an id that is in a story keeps it; a cluster read from
            # JSON is never a tuple, so it cannot be taken for the rejection mark)
            predicted[rid] = record["cluster"]
    return predicted


def load_truth(path: Path, field: str = "story", id_field: str = "id",
               predicted: Iterable[str] = ()) -> dict[str, object]:
    """id → true story. A record without an id (or with a null or empty one) has the default
    id dedup gave it, ``FILE:LINE`` (``FILE:ROW`` in Parquet); ``FILE`` is found among the
    ``predicted`` ids (see ``default_file``). The first record of an id keeps it, as in dedup.
    A null label is no label: the record is left out of the truth (it was one story shared by
    every unlabelled document). Labels are told apart by their JSON text: ``true``, ``1`` and
    ``1.0`` are three stories (Python's equality made them one), ``"1"`` a fourth."""
    if not path.exists():
        raise UsageError(f"{path}: no such file")  # (exit 2, as for dedup's INPUTs)
    truth: dict[str, object] = {}
    prefix: str | None = None
    for number, record in _read_records(path):
        if field not in record:
            raise InputError(f"{path}:{number}", f"missing truth field {field!r}")
        if isinstance(record[field], dict | list):  # a label must be hashable to be counted
            raise InputError(f"{path}:{number}", f"truth field {field!r} must be a string or "
                             f"a number, got {type(record[field]).__name__}")
        label = record[field]
        if label is None:
            continue
        rid = record.get(id_field)
        if rid is None or rid == "":  # (dedup's rule: such a record has its location as id)
            if prefix is None:
                prefix = default_file(path, predicted)
            rid = f"{prefix}:{number}"
        truth.setdefault(str(rid), _label_key(label))
    return truth


def _label_key(label: object) -> object:
    """A story label as a key that tells types apart (strings as they are)."""
    if isinstance(label, str):
        return label
    try:
        return ("json", orjson.dumps(label))
    except TypeError:  # (no JSON form: the value itself, compared by Python's equality)
        return ("value", label)


def default_file(path: Path, predicted: Iterable[str]) -> str:
    """The ``FILE`` of the default ids (``FILE:LINE``) that dedup gave the records of ``path``:
    the path as given to dedup, or relative to the INPUT folder, or the name of a file given
    by an absolute path. Taken from the ``predicted`` ids of that form whose ``FILE`` names
    this file (the longest such); else the file's name."""
    target = path.resolve()
    posix = target.as_posix()
    found: str | None = None
    for prefix in {i.rpartition(":")[0] for i in predicted if i.rpartition(":")[2].isdigit()}:
        if not prefix or (found is not None and len(prefix) <= len(found)):
            continue
        plain = os.path.normpath(prefix).replace(os.sep, "/")
        if posix.endswith("/" + plain.lstrip("/")) or Path(prefix).resolve() == target:
            found = prefix
    return found if found is not None else path.name


def load_pairs(path: Path) -> list[tuple[str, str, bool]]:
    """Labelled pairs: JSONL records ``{"a", "b", "label"}`` (label true/false or >= 1)."""
    pairs = []
    for number, record in _read_jsonl(path):
        try:
            label = record["label"]
            a, b = record["a"], record["b"]
            if a is None or b is None:  # (str(None) would be the id "None")
                raise ValueError("a and b must be document ids, got null")
            pairs.append((str(a), str(b), _label(label)))
        except KeyError as exc:
            raise InputError(f"{path}:{number}", f"missing field {exc}; expected a, b, label") \
                from exc
        except ValueError as exc:
            raise InputError(f"{path}:{number}", str(exc)) from exc
    return pairs


_LABELS = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}


def _label(value: object) -> bool:
    """A pair's label: true/false, a number (>= 1 is a duplicate) or those written as text
    ("1", "0", "2", "1.0", "true", "false", "yes", "no"; bool("0") would be true). NaN and
    infinities are no label (NaN >= 1 was false: a silent negative)."""
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _LABELS:
            return _LABELS[text]
        try:  # a number written as text ("2": Webis-style grades stored as strings)
            value = float(text)
        except ValueError:
            raise ValueError(f"label must be true/false or a number, got {value!r}") from None
    if isinstance(value, bool):
        return value
    if not isinstance(value, int | float) or not math.isfinite(value):
        # (null, a list, NaN, an infinity: no label; bool(None) is False)
        raise ValueError(f"label must be true/false or a finite number, got {value!r}")
    return bool(value >= 1)

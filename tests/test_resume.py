"""A dedup or clean run stopped part-way goes on where it stopped (``resume``), to the same
outputs."""

import json

import pytest

import neardup
import neardup.pipeline as pipeline
import neardup.read.slices
from neardup.cli import main
from neardup.errors import UsageError
from neardup.resume import PROGRESS_DIR
from tests.conftest import make_article

OUTPUTS = ("documents.jsonl", "deduplicated.jsonl")


def _corpus(path, stories=12, extra=0):
    records = []
    for story in range(stories):
        text = make_article(story, paragraphs=4)
        records.append({"id": f"s{story}", "text": text,
                        "url": f"https://a{story % 3}.example/{story}"})
        records.append({"id": f"c{story}", "text": text.replace(" ", "  ", 3) + "\n\nMore.",
                        "url": f"https://b{story % 3}.example/{story}"})
    for n in range(extra):
        records.append({"id": f"x{n}", "text": make_article(100 + n, paragraphs=3)})
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


@pytest.fixture(autouse=True)
def _small_slices(monkeypatch):
    # (JSONL files go to the workers as slices of ~1 MB: a few documents each here, so that
    # a small corpus makes several shards)
    monkeypatch.setattr(neardup.read.slices, "SLICE_BYTES", 4096)


def _options(clean, resume=True):
    return neardup.make_options(jobs=1, quiet=True, report=False, clean=clean, resume=resume)


class _Calls:
    """The pipeline's worker step ``step`` (a dedup run's ``sketch_shard``, a clean run's
    ``clean_shard``), counting the shards it is given, and failing at shard ``fail_at``."""

    def __init__(self, monkeypatch, fail_at=None, error=RuntimeError, step="sketch_shard"):
        self.shards = []
        self.fail_at, self.error = fail_at, error
        real = getattr(pipeline, step)

        def counted(task, config):
            if task[0] == self.fail_at:
                raise self.error("stopped here")
            self.shards.append(task[0])
            return real(task, config)

        monkeypatch.setattr(pipeline, step, counted)


@pytest.mark.parametrize("clean", [True, False])
def test_a_run_stopped_part_way_resumes_to_the_same_outputs(tmp_path, monkeypatch, clean):
    # A run stopped in its read-clean-sketch pass (a crash, Ctrl-C, a killed process) had to
    # start over: at a million documents with cleaning, up to some eight minutes lost.
    corpus = _corpus(tmp_path / "corpus.jsonl")
    fresh = tmp_path / "fresh"
    calls = _Calls(monkeypatch)
    neardup.dedup_files([corpus], fresh, _options(clean, resume=False))
    shards = len(calls.shards)
    assert shards >= 5
    out = tmp_path / "out"
    calls.shards.clear()
    calls.fail_at = 3
    with pytest.raises(RuntimeError, match="stopped here"):
        neardup.dedup_files([corpus], out, _options(clean))
    saved = out / PROGRESS_DIR
    assert sorted(p.name for p in (saved / "shards").glob("sketch-*.pickle")) == [
        f"sketch-{n:08d}.pickle" for n in range(3)]
    assert (saved / "templates.pickle").exists() == clean
    calls.shards.clear()
    calls.fail_at = None
    neardup.dedup_files([corpus], out, _options(clean))
    assert calls.shards == list(range(3, shards))  # (the first 3 were saved)
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    assert not saved.exists()  # (the run ended well: nothing left to resume)


def test_a_run_stopped_while_writing_resumes_without_reading_again(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path / "corpus.jsonl")
    fresh = tmp_path / "fresh"
    neardup.dedup_files([corpus], fresh, _options(True, resume=False))
    out = tmp_path / "out"
    real_write = pipeline.write_shard_records

    def write_shard_records(verdicts, config):
        if verdicts.index == 4:
            raise OSError("No space left on device")
        return real_write(verdicts, config)

    monkeypatch.setattr(pipeline, "write_shard_records", write_shard_records)
    with pytest.raises(OSError):
        neardup.dedup_files([corpus], out, _options(True))
    monkeypatch.setattr(pipeline, "write_shard_records", real_write)
    calls = _Calls(monkeypatch)
    neardup.dedup_files([corpus], out, _options(True))
    assert calls.shards == []  # every shard's documents were on disk, cleaned and sketched
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name


def test_progress_of_other_inputs_or_options_is_not_used(tmp_path, monkeypatch, capsys):
    corpus = _corpus(tmp_path / "corpus.jsonl")
    out = tmp_path / "out"
    calls = _Calls(monkeypatch, fail_at=3)
    with pytest.raises(RuntimeError):
        neardup.dedup_files([corpus], out, _options(True))
    _corpus(corpus, extra=2)  # the input changed since
    calls.shards.clear()
    calls.fail_at = None
    neardup.dedup_files([corpus], out, neardup.make_options(
        jobs=1, quiet=False, report=False, resume=True))
    assert "is of other inputs or options: not used, starting over" in capsys.readouterr().err
    shards = len(calls.shards)
    assert calls.shards == list(range(shards)) and shards > 3  # (all read again)
    fresh = tmp_path / "fresh"
    neardup.dedup_files([corpus], fresh, _options(True, resume=False))
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    # other options that decide what the passes compute (the threshold) do not take it up
    calls.fail_at = 2
    with pytest.raises(RuntimeError):
        neardup.dedup_files([corpus], out, _options(True))
    calls.shards.clear()
    calls.fail_at = None
    neardup.dedup_files([corpus], out, neardup.make_options(
        jobs=1, quiet=True, report=False, resume=True, threshold=0.8))
    assert calls.shards == list(range(shards))


def test_the_cli_says_where_the_progress_is_and_resumes(tmp_path, monkeypatch, capsys):
    corpus = _corpus(tmp_path / "corpus.jsonl")
    out = tmp_path / "out"
    args = ["dedup", str(corpus), "-o", str(out), "--jobs", "1", "-q", "--no-report",
            "--resume"]
    calls = _Calls(monkeypatch, fail_at=2, error=KeyboardInterrupt)
    assert main(args) == 130
    err = capsys.readouterr().err
    assert f"the run's progress is saved in {out / PROGRESS_DIR}" in err
    assert "interrupted" in err
    calls.fail_at = None
    calls.shards.clear()
    assert main(args) == 0
    assert calls.shards[0] == 2 and len(calls.shards) >= 3
    assert not (out / PROGRESS_DIR).exists()


def test_documents_in_memory_cannot_be_resumed():
    # (clean_documents took resume=True and ignored it)
    with pytest.raises(UsageError, match="cannot be resumed"):
        neardup.dedup(["a text"], resume=True)
    with pytest.raises(UsageError, match="cannot be resumed"):
        neardup.clean_documents(["a text"], resume=True)


@pytest.mark.parametrize("output_format", ["jsonl", "parquet"])
def test_a_clean_run_stopped_part_way_resumes_to_the_same_outputs(tmp_path, monkeypatch,
                                                                  output_format):
    # neardup clean's two passes are nearly all of a dedup run's time with cleaning: a clean
    # run stopped in its second pass had to start over, where a dedup run went on.
    corpus = _corpus(tmp_path / "corpus.jsonl")
    fresh = tmp_path / "fresh"
    calls = _Calls(monkeypatch, step="clean_shard")
    options = neardup.make_options(jobs=1, quiet=True, output_format=output_format)
    neardup.api.clean_files([corpus], fresh, options)
    shards = len(calls.shards)
    assert shards >= 5
    out = tmp_path / "out"
    resume = neardup.make_options(jobs=1, quiet=True, output_format=output_format,
                                  resume=True)
    calls.shards.clear()
    calls.fail_at = 3
    with pytest.raises(RuntimeError, match="stopped here"):
        neardup.api.clean_files([corpus], out, resume)
    saved = out / PROGRESS_DIR
    assert sorted(p.name for p in (saved / "shards").glob("*.pickle")) == [
        f"cleaned-{n:08d}.pickle" for n in range(3)]
    assert (saved / "templates.pickle").exists()
    calls.shards.clear()
    calls.fail_at = None
    summary = neardup.api.clean_files([corpus], out, resume)
    assert calls.shards == list(range(3, shards))  # (the first 3 were saved)
    assert summary["counts"] == {"read": 24, "ok": 24, "rejected": 0}  # (12 stories, 2 copies)
    name = f"documents.{output_format}"
    assert (out / name).read_bytes() == (fresh / name).read_bytes()
    assert not saved.exists()  # (the run ended well: nothing left to resume)


def test_a_dedup_runs_progress_is_no_clean_runs(tmp_path, monkeypatch, capsys):
    # (same inputs and options, another job: a dedup run's shards are sketches, and its
    # templates would do, but its key is not the clean run's: nothing is taken up)
    corpus = _corpus(tmp_path / "corpus.jsonl")
    out = tmp_path / "out"
    _Calls(monkeypatch, fail_at=2)
    with pytest.raises(RuntimeError):
        neardup.dedup_files([corpus], out, _options(True))
    assert (out / PROGRESS_DIR / "shards" / "sketch-00000001.pickle").exists()
    calls = _Calls(monkeypatch, step="clean_shard")
    neardup.api.clean_files([corpus], out, neardup.make_options(
        jobs=1, quiet=False, report=False, resume=True))
    assert "is of other inputs or options: not used, starting over" in capsys.readouterr().err
    assert calls.shards[:3] == [0, 1, 2]
    assert not (out / PROGRESS_DIR).exists()


def test_the_cli_resumes_a_clean_run(tmp_path, monkeypatch, capsys):
    corpus = _corpus(tmp_path / "corpus.jsonl")
    fresh = tmp_path / "fresh"
    assert main(["clean", str(corpus), "-o", str(fresh), "--jobs", "1", "-q"]) == 0
    out = tmp_path / "out"
    args = ["clean", str(corpus), "-o", str(out), "--jobs", "1", "-q", "--resume"]
    calls = _Calls(monkeypatch, fail_at=2, error=KeyboardInterrupt, step="clean_shard")
    assert main(args) == 130
    err = capsys.readouterr().err
    assert f"the run's progress is saved in {out / PROGRESS_DIR}" in err
    calls.fail_at = None
    calls.shards.clear()
    assert main(args) == 0
    assert calls.shards[0] == 2
    assert (out / "documents.jsonl").read_bytes() == (fresh / "documents.jsonl").read_bytes()
    assert not (out / PROGRESS_DIR).exists()


def test_a_run_resumes_with_another_number_of_processes(tmp_path, monkeypatch):
    # (the number of processes decides nothing the passes compute: a run stopped in one
    # process goes on in two, whose workers hand their shingle sets to the main process to be
    # saved with each shard, to the same outputs)
    corpus = _corpus(tmp_path / "corpus.jsonl", extra=6)
    fresh = tmp_path / "fresh"
    neardup.dedup_files([corpus], fresh, _options(True, resume=False))
    out = tmp_path / "out"
    real = pipeline.sketch_shard
    _Calls(monkeypatch, fail_at=2)
    with pytest.raises(RuntimeError):
        neardup.dedup_files([corpus], out, _options(True))
    monkeypatch.setattr(pipeline, "sketch_shard", real)
    neardup.dedup_files([corpus], out, neardup.make_options(
        jobs=2, quiet=True, report=False, resume=True))
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    assert not (out / PROGRESS_DIR).exists()


def test_damaged_progress_is_removed_with_a_message_not_resumed_for_ever(tmp_path,
                                                                          monkeypatch):
    # A saved shard cut short (or its cleaned documents gone) failed every resumed run the same
    # way, each telling the user to run the command again.
    corpus = _corpus(tmp_path / "corpus.jsonl")
    fresh = tmp_path / "fresh"
    neardup.dedup_files([corpus], fresh, _options(True, resume=False))
    out = tmp_path / "out"
    calls = _Calls(monkeypatch, fail_at=4)
    with pytest.raises(RuntimeError):
        neardup.dedup_files([corpus], out, _options(True))
    shards = out / PROGRESS_DIR / "shards"
    (shards / "sketch-00000002.pickle").write_bytes(b"\x80\x05cut")
    with pytest.raises(neardup.errors.NeardupError, match="is damaged .shard 2: .* it is "
                       "removed; run the same command again to start over"):
        neardup.dedup_files([corpus], out, _options(True))
    assert not (out / PROGRESS_DIR).exists()
    calls.fail_at = None
    neardup.dedup_files([corpus], out, _options(True))
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name


def test_progress_is_no_input_and_a_run_without_resume_removes_it(tmp_path, monkeypatch,
                                                                    capsys):
    (tmp_path / "data").mkdir()
    corpus = _corpus(tmp_path / "data" / "corpus.jsonl")
    out = tmp_path / "data" / "run1"
    _Calls(monkeypatch, fail_at=2)
    with pytest.raises(RuntimeError):
        neardup.dedup_files([corpus], out, _options(True))
    monkeypatch.undo()
    # a later run over the folder holding the stopped run's output reads none of its progress
    # (its manifest was a rejected document, its pickles "files of unsupported type")
    result = neardup.dedup_files([tmp_path / "data"], tmp_path / "run2",
                                 _options(True, resume=False), collect=True)
    assert {r["source"].split(":")[0] for r in result.records} == {"corpus.jsonl"}
    assert result.summary["skipped_files"]["count"] == 0
    # a run into the stopped run's folder without --resume removes its progress, and says so
    neardup.dedup_files([corpus], out, neardup.make_options(jobs=1, quiet=False, report=False))
    assert not (out / PROGRESS_DIR).exists()
    assert "is removed: this run does not resume" in capsys.readouterr().err

"""JSONL files are parsed by the workers in slices of lines (plain files read by the workers,
compressed ones decompressed by the main process): the result must be the same as reading the
file whole in the main process, whatever the slice size and the worker count."""

import dataclasses
import gzip
import json

import pytest

import neardup
from neardup.errors import InputError
from neardup.read.files import InputFile
from neardup.read.slices import slice_file, slice_lines
from neardup.sketch import stage

BODY = ("The council voted on Tuesday to approve the new budget for the city's schools, "
        "after a long debate about teacher pay and the cost of repairs to old buildings. ")


NOTICE = ("Rain is expected all week in the northern valleys, with strong winds on the hills "
          "and snow above two thousand metres from Thursday.")


def _input(path):
    return InputFile(path, path.name, path.parent.name, "jsonl")


@pytest.mark.parametrize("data", [
    b"",
    b"one\n",
    b"one\ntwo",  # no newline at the end
    b"a\n\n  \nbb\n" + b"x" * 50 + b"\nc\n",  # blank lines and a line longer than the target
    b"\r\nstray\rcarriage\n" * 7,  # only b"\n" ends a line
])
@pytest.mark.parametrize("target", [1, 3, 8, 1 << 20])
def test_slices_cover_the_file_line_by_line(tmp_path, data, target):
    path = tmp_path / "f.jsonl"
    path.write_bytes(data)
    pieces = list(slice_file(_input(path), target))
    assert [p.start for p in pieces] == [0] + [p.end for p in pieces[:-1]] if data else not pieces
    assert (pieces[-1].end if pieces else 0) == len(data)
    numbered = [(p.first_line + k, line) for p in pieces for k, line in enumerate(slice_lines(p))]
    with path.open("rb") as handle:
        expected = [(n, line.rstrip(b"\n")) for n, line in enumerate(handle, start=1)]
    assert numbered == expected


def _messy_corpus() -> list[bytes]:
    story = [BODY * 3 + f"Copy {i} of the story." for i in range(4)]
    lines = [
        json.dumps({"id": "a", "text": story[0]}),
        json.dumps({"id": "b", "text": story[0]}),   # exact copy of a
        json.dumps({"id": "a", "text": BODY * 2}),   # repeated id: rejected
        "",                                          # blank: not a record
        "{not json",                                 # malformed: rejected
        json.dumps({"id": "c", "body": "no text"}),  # missing text: rejected
        json.dumps({"id": "d", "text": story[1]}),
        json.dumps({"id": "b", "text": NOTICE}),  # repeated id, first of its text
        json.dumps({"id": "e", "text": NOTICE}),  # in-slice copy of a rejected one
        json.dumps({"id": "f", "text": "   "}),      # empty: rejected
        json.dumps([1, 2]),                          # not an object: rejected
        json.dumps({"id": "g", "text": story[2], "url": "https://www.site.example/x"}),
    ]
    lines.append(json.dumps({"id": "crlf", "text": story[3]}) + "\r")  # a Windows line end
    return [line.encode() for line in lines * 3]  # later rounds repeat every id


def _records(out):
    rows = [json.loads(line) for line in (out / "documents.jsonl").open()]
    for row in rows:
        row["id"] = row["id"].replace(".jsonl.gz", ".jsonl")
        row["source"] = row["source"].replace(".jsonl.gz", ".jsonl")
        row["reason"] = (row["reason"] or "").replace(".jsonl.gz", ".jsonl")
    return rows


@pytest.mark.parametrize(("jobs", "clean"), [(1, True), (2, True), (1, False), (2, False)])
def test_sliced_read_equals_whole_read(tmp_path, monkeypatch, jobs, clean):
    # clean=False: the write pass reads the slices again instead of a spill of the texts
    data = "\ufeff".encode() + b"\n".join(_messy_corpus()) + b"\n"  # with a byte-order mark
    plain, packed = tmp_path / "in.jsonl", tmp_path / "in.jsonl.gz"
    plain.write_bytes(data)
    packed.write_bytes(gzip.compress(data))  # compressed: read whole, in the main process
    monkeypatch.setattr("neardup.read.slices.SLICE_BYTES", 700)  # many slices
    options = neardup.make_options(jobs=jobs, quiet=True, report=False, threshold=0.7,
                                   clean=clean)
    spilled = []
    real_write_shard = stage.write_shard
    monkeypatch.setattr(stage, "write_shard", lambda *a: spilled.append(a[1]) or
                        real_write_shard(*a))
    sliced = neardup.dedup_files([plain], tmp_path / "sliced", options, collect=True)
    if jobs == 1:  # (forked workers count in their own memory)
        assert bool(spilled) == clean  # no cleaning: the slices are read again, not spilled
    whole = neardup.dedup_files([packed], tmp_path / "whole", options, collect=True)
    rows = _records(tmp_path / "sliced")
    assert rows == _records(tmp_path / "whole")
    assert len(rows) == len(_messy_corpus()) - 3  # blank lines are not records
    status = {(r["source"], r["id"]): r["status"] for r in rows}
    assert status[("in.jsonl:3", "a")] == "rejected"
    assert status[("in.jsonl:9", "e")] == "kept"  # its in-slice first copy was rejected
    assert sum(r["reason"].startswith("duplicate id") for r in rows) == 2 + 2 * 8
    assert sliced.summary["counts"] == whole.summary["counts"]
    assert (tmp_path / "sliced/deduplicated.jsonl").read_bytes() == \
        (tmp_path / "whole/deduplicated.jsonl").read_bytes().replace(b".jsonl.gz", b".jsonl")


@pytest.mark.parametrize("jobs", [1, 2])
def test_strict_names_the_line_from_a_worker(tmp_path, jobs):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(_messy_corpus()[:5]) + b"\n")
    options = neardup.make_options(jobs=jobs, quiet=True, report=False, strict=True)
    with pytest.raises(InputError, match=r"in.jsonl:3: duplicate id 'a'"):
        neardup.dedup_files([path], tmp_path / "out", options)
    path.write_bytes(b"\n".join(_messy_corpus()[4:6]) + b"\n")
    with pytest.raises(InputError, match=r"in.jsonl:1: malformed JSON"):
        neardup.dedup_files([path], tmp_path / "out", options)


def test_a_shard_with_no_readable_document(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"{bad\n[1]\n" + json.dumps({"text": " "}).encode() + b"\n")
    result = neardup.dedup_files([path], tmp_path / "out",
                                 neardup.make_options(quiet=True, report=False, jobs=1),
                                 collect=True)
    assert [r["status"] for r in result.records] == ["rejected"] * 3
    assert result.summary["counts"]["read"] == 3


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_unreadable_file_is_a_rejection_not_a_crash(tmp_path, monkeypatch, jobs):
    # A plain JSONL file that cannot be opened stopped the run with a traceback (it is opened
    # for slicing), where the same file compressed becomes one "unreadable file" rejection.
    import pathlib

    good, bad, packed = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "b.jsonl.gz"
    good.write_text(json.dumps({"id": "a", "text": BODY}) + "\n")
    bad.write_text(json.dumps({"id": "b", "text": NOTICE}) + "\n")
    packed.write_bytes(gzip.compress(bad.read_bytes()))
    real_open = pathlib.Path.open

    def denied(self, *args, **kwargs):
        if self.name.startswith("b."):
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", denied)
    monkeypatch.setattr(gzip, "open", lambda path, *a, **k: denied(pathlib.Path(path)))
    try:  # (the slices' faster gzip reader, where installed)
        from isal import igzip
    except ImportError:
        pass
    else:
        monkeypatch.setattr(igzip, "open", lambda path, *a, **k: denied(pathlib.Path(path)))
    options = neardup.make_options(jobs=jobs, quiet=True, report=False)
    for name in ("b.jsonl", "b.jsonl.gz"):
        result = neardup.dedup_files([good, tmp_path / name], tmp_path / name.replace(".", "-"),
                                     options, collect=True)
        assert [r["status"] for r in result.records] == ["kept", "rejected"]
        assert result.records[1]["reason"] == "unreadable file: Permission denied"


@pytest.mark.parametrize("change", ["fewer", "same-count", "deleted"])
def test_an_input_changed_between_the_passes_is_an_error_not_a_silent_mismatch(
        tmp_path, monkeypatch, change):
    # The write pass of a run without cleaning reads a JSONL file again. A fuzzing helper
    # changed its ids between the passes, keeping its line count: the records named the new
    # ids with the old ones' duplicate_of and copies, exit 0. A deleted file was a bare
    # "[Errno 2]". The slices' digests now tell.
    from neardup import pipeline
    from neardup.errors import NeardupError

    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"d{n}", "text": f"story {n // 2} " + "word " * 40})
             for n in range(6)]
    path.write_text("\n".join(lines) + "\n")
    real = pipeline.verify_pairs

    def verify_then_change(*args, **kwargs):  # (between the sketch and the write pass)
        if change == "fewer":
            path.write_text("\n".join(lines[:-1]) + "\n")
        elif change == "same-count":
            path.write_text("\n".join(line.replace('"d', '"Z') for line in lines) + "\n")
        else:
            path.unlink()
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "verify_pairs", verify_then_change)
    options = neardup.make_options(jobs=1, quiet=True, report=False, clean=False)
    with pytest.raises(NeardupError, match="the input changed while neardup ran"):
        neardup.dedup_files([path], tmp_path / "out", options)


def test_a_shard_failing_in_the_write_pass_fails_the_run_without_hanging(tmp_path,
                                                                           monkeypatch):
    # The workers write the output files in shard order, each waiting for the shard before
    # it: a first shard that fails must release the others and fail the run.
    from neardup.errors import NeardupError
    from neardup.read import slices
    from neardup.write import shards

    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(_messy_corpus() * 4) + b"\n")
    monkeypatch.setattr(slices, "SLICE_BYTES", 300)  # many small shards
    real = shards.shard_documents

    def first_fails(piece, options, data=None):
        if piece.first_line == 1:
            raise NeardupError("shard 0 could not be read again")
        return real(piece, options, data)

    monkeypatch.setattr(shards, "shard_documents", first_fails)
    options = neardup.make_options(jobs=2, quiet=True, report=False, clean=False)
    with pytest.raises(NeardupError, match="shard 0 could not be read again"):
        neardup.dedup_files([path], tmp_path / "out", options)


def test_without_shared_appends_workers_send_their_sets(tmp_path, monkeypatch):
    # Where the store's file system takes no locks, workers send their sets to the main
    # process instead of appending them: the same outputs.
    from neardup.match.store import ShingleStore

    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(_messy_corpus()) + b"\n")
    monkeypatch.setattr("neardup.read.slices.SLICE_BYTES", 700)
    options = neardup.make_options(jobs=2, quiet=True, report=False, clean=False)
    neardup.dedup_files([path], tmp_path / "shared", options)
    monkeypatch.setattr(ShingleStore, "shared_appends", property(lambda self: False))
    neardup.dedup_files([path], tmp_path / "sent", options)
    for name in ("documents.jsonl", "deduplicated.jsonl"):
        assert (tmp_path / "shared" / name).read_bytes() == (tmp_path / "sent" / name).read_bytes()


def test_slice_documents_equal_the_record_path(tmp_path, monkeypatch):
    # A worker turns a slice's object lines straight into documents (``shard_documents``);
    # any other line goes through ``jsonl_records`` as a whole-file read does. Both must give
    # the same documents, rejections, warnings and metadata.
    from dataclasses import asdict

    from neardup.read.documents import ReadOptions, read_documents
    from neardup.read.shards import shard_documents

    odd = [
        b'{"id": 7, "text": "an int id", "url": 5, "date": 2020, "extra": {"k": [1]}}',
        b'{"id": "", "text": "an empty id", "url": "HTTP://WWW.Example.COM:80/a"}',
        b'{"id": null, "text": "a null id", "url": "www.example.org/page"}',
        b'{"id": "n", "text": null}', b'{"id": "i", "text": 5}', b'{"id": "l", "text": ["a"]}',
        b'{"id": "u", "text": "bad \xff\xfe bytes"}', b'{"id": "s", "text": "lone \\ud800 half"}',
        b'{"id": "w", "text": "!!! ... ???"}', b'{"id": "t", "text": "' + b"long " * 40 + b'"}',
        b'{"id": "k", "text": "a", "text": "the second text"}', b'{"id": "c", "text": "x"} tail',
        b"null", b"42", b"   ", b'{"id": "m", "TEXT": "wrong case"}',
        b'{"id": "o", "text": "a string left open', b'{"id": "p" "text": "no comma"}',
    ]
    data = "\ufeff".encode() + b"\n".join(_messy_corpus() + odd * 2)  # no final newline
    plain, packed = tmp_path / "in.jsonl", tmp_path / "in.jsonl.gz"
    plain.write_bytes(data)
    packed.write_bytes(gzip.compress(data))
    options = ReadOptions(max_chars=150)
    sliced = [doc for piece in slice_file(_input(plain), 300)
              for doc in shard_documents(piece, options)]
    whole = list(read_documents([packed], options, account=False))
    assert len(sliced) == len(whole) == len(_messy_corpus()) - 3 + 2 * (len(odd) - 1)
    for a, b in zip(sliced, whole, strict=True):
        a.index = b.index = 0
        assert asdict(a) == {k: v.replace(".jsonl.gz", ".jsonl") if isinstance(v, str) else v
                             for k, v in asdict(b).items()}
    assert {d.rejected.split(":")[0] for d in sliced if d.rejected} >= {
        "field 'text' is null", "field 'text' must be a string, got int", "malformed JSON",
        "expected a JSON object, got NoneType", "text too long", "no words"}
    assert any(d.warnings for d in sliced)


@pytest.mark.parametrize("kind", ["txt", "html"])
@pytest.mark.parametrize("command", ["dedup", "clean"])
def test_an_input_changed_after_the_template_pass_is_an_error(tmp_path, monkeypatch, kind,
                                                              command):
    # Found by a fuzzing helper: with cleaning on, each pass lists the files again; a file
    # deleted after the site-template pass was missing from the output without a word, and
    # the HTML extractions kept from that pass (found by position) went to other pages.
    from neardup import pipeline
    from neardup.errors import NeardupError

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        body = f"Story number {n} about the harbour. " + "The crane moved the boxes. " * 20
        text = f"<html><body><article><p>{body}</p></article></body></html>" \
            if kind == "html" else body
        (folder / f"{n}.{kind}").write_text(text)
    real = pipeline.learn_templates

    def learn_then_delete(*args, **kwargs):
        learned = real(*args, **kwargs)
        (folder / f"0.{kind}").unlink()
        return learned

    monkeypatch.setattr(pipeline, "learn_templates", learn_then_delete)
    options = neardup.make_options(jobs=1, quiet=True, report=False)
    run = neardup.dedup_files if command == "dedup" else neardup.clean_files
    with pytest.raises(NeardupError, match="the input changed while neardup ran"):
        run([folder], tmp_path / "out", options)


def _packed_cases(tmp_path) -> dict[str, bytes]:
    import zstandard

    data = b"\n".join(_messy_corpus()) + b"\n"
    long_line = json.dumps({"id": "long", "text": BODY * 40}).encode()  # longer than a slice
    whole = gzip.compress(data)
    corrupt = bytearray(whole)
    corrupt[len(corrupt) // 2] ^= 0xFF  # a flipped byte in the deflate stream
    utf16 = "\n".join(json.dumps({"id": f"u{i}", "text": BODY}) for i in range(3))
    zst = zstandard.ZstdCompressor().compress(data + long_line)
    return {
        "plain.jsonl.gz": whole,
        "tail.jsonl.gz": gzip.compress(b"\xef\xbb\xbf" + data + long_line),  # BOM, no end newline
        "members.jsonl.gz": gzip.compress(data[:900]) + gzip.compress(data[900:]),
        "short.jsonl.gz": whole[: len(whole) * 3 // 4],  # cut short
        "corrupt.jsonl.gz": bytes(corrupt),
        "utf16.jsonl.gz": gzip.compress(utf16.encode("utf-16")),  # with its byte-order mark
        "empty.jsonl.gz": gzip.compress(b""),
        "notgzip.jsonl.gz": data,  # a plain file under a compressed name
        # trailers the slices' gzip reader (ISA-L where installed) and the standard library's
        # must read alike: garbage or zeros after the last member, a bad CRC or length
        "garbage.jsonl.gz": whole + b"garbage here",
        "zeros.jsonl.gz": whole + b"\x00" * 100,
        "crc.jsonl.gz": whole[:-8] + b"\x00\x00\x00\x00" + whole[-4:],
        "length.jsonl.gz": whole[:-4] + b"\x01\x00\x00\x00",
        "frames.jsonl.zst": zst,
        "short.jsonl.zst": zst[: len(zst) - 7],
    }


@pytest.mark.parametrize("target", [300, 1 << 20])
def test_compressed_slices_equal_the_whole_file_read(tmp_path, monkeypatch, target):
    # The main process decompresses a .jsonl.gz / .jsonl.zst and hands out slices carrying
    # their bytes; what it cannot cut (UTF-16, what follows a decompression error) is read by
    # the whole-file reader from the first line not handed out. Documents, rejections and
    # their order must be those of reading the file whole.
    from dataclasses import asdict

    from neardup.read.documents import ReadOptions, read_documents
    from neardup.read.shards import RecordBatch, read_shards, shard_documents

    monkeypatch.setattr("neardup.read.slices.SLICE_BYTES", target)
    options = ReadOptions()
    sliced_any = fallback_any = False
    for name, content in _packed_cases(tmp_path).items():
        path = tmp_path / name
        path.write_bytes(content)
        sliced = [doc for shard in read_shards([path], options, 64)
                  for doc in shard_documents(shard, options)]
        whole = list(read_documents([path], options, account=False))
        units = list(read_shards([path], options, 64))
        sliced_any |= any(not isinstance(u, RecordBatch) for u in units)
        fallback_any |= any(isinstance(u, RecordBatch) for u in units) and \
            any(not isinstance(u, RecordBatch) for u in units)
        assert [d.source for d in sliced] == [d.source for d in whole], name
        for a, b in zip(sliced, whole, strict=True):
            a.index = b.index = 0
            assert asdict(a) == asdict(b), (name, a.source)
        if name.startswith(("short", "corrupt")):
            assert whole[-1].rejected.startswith("unreadable file"), name
        if name in ("short.jsonl.gz", "corrupt.jsonl.gz"):
            assert len(whole) > 1, name  # the lines before the damage are documents
    assert sliced_any
    # (small slices: a damaged file gives slices, then the whole-file reader's documents)
    assert fallback_any == (target == 300)


def test_compressed_jsonl_is_sliced_for_the_workers_and_spilled(tmp_path, monkeypatch):
    # Each slice carries its bytes; it cannot be read again by offset, so without cleaning
    # its documents are spilled for the write pass (a plain file's slices are read again).
    from neardup.read.slices import FileSlice

    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress(b"\n".join(_messy_corpus()) + b"\n"))
    monkeypatch.setattr("neardup.read.slices.SLICE_BYTES", 700)
    seen: list[object] = []
    real_sketch = stage.sketch_shard

    def sketch(task, config):
        seen.append(task[1])
        return real_sketch(task, config)

    monkeypatch.setattr("neardup.pipeline.sketch_shard", sketch)
    spilled: list[int] = []
    real_write_shard = stage.write_shard
    monkeypatch.setattr(stage, "write_shard", lambda *a: spilled.append(a[1]) or
                        real_write_shard(*a))
    options = neardup.make_options(jobs=1, quiet=True, report=False, clean=False)
    result = neardup.dedup_files([path], tmp_path / "out", options, collect=True)
    assert len(seen) > 1 and all(isinstance(u, FileSlice) and u.data for u in seen)
    assert len(spilled) == len(seen)
    assert result.summary["counts"]["read"] == len(_messy_corpus()) - 3


def _parquet_cases(tmp_path) -> dict[str, bytes]:
    import io

    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = 2600  # three batches of PARQUET_BATCH rows, cut across row groups
    texts = [f"{BODY} Row {i}." if i % 97 else "   " for i in range(rows)]
    table = pa.table({"id": [f"r{i}" if i % 500 else "r0" for i in range(rows)],  # repeated ids
                      "text": texts, "n": list(range(rows))})

    def written(tbl, **kwargs) -> bytes:
        sink = io.BytesIO()
        pq.write_table(tbl, sink, **kwargs)
        return sink.getvalue()

    plain = written(table, row_group_size=700)
    good, bad = b"a story about the council vote", b"bad \xff bytes in a story"
    offsets = pa.py_buffer(np.array([0, len(good), len(good) + len(bad)], np.int32).tobytes())
    odd = pa.table({
        "id": ["a", "b"], "text": pa.Array.from_buffers(pa.string(), 2, [None, offsets,
                                                                       pa.py_buffer(good + bad)]),
        "ts": pa.array([0, 10**15], pa.timestamp("ms"))})  # past the year 9999
    zones = pa.table({"id": ["z1", "z2"], "text": ["one story", "another story"],
                      "when": pa.array([0, 5], pa.timestamp("s", tz="Mars/Phobos"))})
    twice = pa.Table.from_arrays([pa.array(["x"]), pa.array(["first"]), pa.array(["second"])],
                                 names=["id", "text", "text"])
    corrupt = bytearray(plain)
    corrupt[len(corrupt) * 2 // 3: len(corrupt) * 2 // 3 + 64] = b"\xff" * 64  # a later page
    return {"plain.parquet": plain, "odd.parquet": written(odd),
            "twice.parquet": written(twice), "zones.parquet": written(zones),
            "short.parquet": plain[: len(plain) // 2], "corrupt.parquet": bytes(corrupt),
            "empty.parquet": written(table.slice(0, 0))}


def test_parquet_batches_equal_the_whole_file_read(tmp_path):
    # The main process reads a Parquet file's record batches and the workers turn them into
    # documents (``RowBatch``); what the main process cannot read is read by the whole-file
    # reader from the first row not handed out. The documents must be the whole read's.
    from dataclasses import asdict

    from neardup.read.documents import ReadOptions, read_documents
    from neardup.read.records import PARQUET_BATCH
    from neardup.read.shards import RecordBatch, RowBatch, read_shards, shard_documents

    options = ReadOptions()
    kinds = set()
    for name, content in _parquet_cases(tmp_path).items():
        path = tmp_path / name
        path.write_bytes(content)
        units = list(read_shards([path], options, 64))
        kinds |= {type(u).__name__ for u in units}
        batched = [doc for unit in units for doc in shard_documents(unit, options)]
        whole = list(read_documents([path], options, account=False))
        assert [d.source for d in batched] == [d.source for d in whole], name
        for a, b in zip(batched, whole, strict=True):
            a.index = b.index = 0
            assert asdict(a) == asdict(b), (name, a.source)
        if name == "plain.parquet":
            assert len(units) == 3 and all(isinstance(u, RowBatch) for u in units)
        if name in ("short.parquet", "corrupt.parquet"):
            assert whole[-1].rejected.startswith("unreadable file"), name
        if name == "corrupt.parquet":  # batches handed out, then the whole-file reader
            assert isinstance(units[0], RowBatch) and isinstance(units[-1], RecordBatch)
            assert len(whole) > PARQUET_BATCH
    assert kinds == {"RowBatch", "RecordBatch"}


def test_a_parquet_read_failing_here_is_finished_by_the_whole_file_reader(tmp_path, monkeypatch):
    # A read that fails in the main process after some batches (here: made to fail) must not
    # lose or repeat rows: the whole-file reader takes over from the first row not handed out.
    from neardup.read import shards
    from neardup.read.documents import ReadOptions, read_documents
    from neardup.read.shards import read_shards, shard_documents

    path = tmp_path / "plain.parquet"
    path.write_bytes(_parquet_cases(tmp_path)["plain.parquet"])
    real = shards.parquet_batches

    def failing(source):
        for number, item in enumerate(real(source)):
            if number == 2:
                raise OSError("the disk went away")
            yield item

    monkeypatch.setattr(shards, "parquet_batches", failing)
    options = ReadOptions()
    units = list(read_shards([path], options, 64))
    got = [d.source for unit in units for d in shard_documents(unit, options)]
    assert got == [d.source for d in read_documents([path], options, account=False)]
    assert [type(u).__name__ for u in units][:2] == ["RowBatch", "RowBatch"]


def test_files_of_one_document_read_by_workers_equal_the_whole_read(tmp_path):
    # Text, Markdown and HTML files go to the workers as lists of paths (``FileBatch``); each
    # file is read there as the whole-file reader reads it, in input order with the other
    # formats around them.
    import os
    from dataclasses import asdict

    from neardup.read.documents import ReadOptions, read_documents
    from neardup.read.shards import FileBatch, read_shards, shard_documents

    root = tmp_path / "in"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    (root / "a/1.txt").write_text(BODY)
    (root / "a/2.md").write_text("# Title\n\n" + BODY + " [a link](https://x.example/)")
    (root / "a/3.txt").write_bytes(("caf\u00e9 " + BODY).encode("latin-1"))  # not UTF-8
    (root / "a/4.txt").write_bytes(BODY.encode("utf-16"))  # with its byte-order mark
    (root / "a/5.txt").write_bytes(BODY.encode("utf-16-le"))  # without: NUL every other byte
    (root / "a/6.txt").write_text("   ")  # empty
    (root / "a/7.html").write_text(f"<html><head><title>T</title></head><body><p>{BODY}</p>"
                                   f"<p>{NOTICE}</p></body></html>")
    (root / "a/8.html.gz").write_bytes(gzip.compress(f"<p>{BODY}</p>".encode()))
    (root / "a/9.jsonl").write_text(json.dumps({"id": "j", "text": NOTICE}) + "\n")
    (root / "b/c.csv").write_text(f"id,text\nc1,{NOTICE}\n")
    (root / "b/d.txt").write_text(NOTICE)
    os.symlink(root / "missing.txt", root / "b/e.txt")  # dangling: a rejection
    options = ReadOptions()
    units = list(read_shards([root], options, 3))
    assert sum(isinstance(u, FileBatch) for u in units) >= 3
    split = [d for u in units for d in shard_documents(u, options)]
    whole = list(read_documents([root], options, account=False))
    assert [d.source for d in split] == [d.source for d in whole]
    for a, b in zip(split, whole, strict=True):
        a.index = b.index = 0
        assert asdict(a) == asdict(b), a.source
    assert any(d.rejected for d in whole) and any(d.warnings for d in whole)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_record_nested_too_deep_to_send_to_a_worker_is_read_not_a_crash(tmp_path, jobs):
    # Records read by the main process go to the workers to be made documents; a field nested
    # 900 levels deep cannot be pickled (~500 levels), and that stopped the run. Its document
    # is made in the main process, its deep field left out with a warning, as in a whole read.
    from neardup.read.documents import ReadOptions, read_documents
    from neardup.read.shards import read_shards, shard_documents

    deep: object = "bottom"
    for _ in range(900):
        deep = [deep]
    items = [{"id": "a", "text": BODY}, {"id": "deep", "text": NOTICE, "m": deep},
             {"id": "c", "text": BODY + " More."}]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items))
    options = ReadOptions()
    split = [d for u in read_shards([path], options, 2) for d in shard_documents(u, options)]
    whole = list(read_documents([path], options, account=False))
    assert [(d.id, d.metadata, d.warnings) for d in split] == \
        [(d.id, d.metadata, d.warnings) for d in whole]
    assert whole[1].warnings[0].startswith("field 'm' left out")
    result = neardup.dedup_files([path], tmp_path / "out",
                                 neardup.make_options(jobs=jobs, quiet=True, report=False),
                                 collect=True)
    assert [r["status"] for r in result.records] == ["duplicate", "kept", "kept"]
    assert result.records[1]["warnings"][0].startswith("field 'm' left out")


def test_a_file_cut_while_it_is_sliced_or_read_is_an_error_not_a_crash(tmp_path):
    """The file is read, not mapped: a mapped file cut by another program while the run read
    it killed the process (SIGBUS), with no message and its temporary files left behind."""
    from neardup.errors import NeardupError
    from neardup.read.slices import slice_bytes

    path = tmp_path / "f.jsonl"
    path.write_bytes(b"".join(b'{"text": "line %d"}\n' % i for i in range(100)))
    pieces = slice_file(_input(path), 64)
    first = next(pieces)
    assert slice_bytes(first) == path.read_bytes()[first.start:first.end]
    whole = path.read_bytes()
    path.write_bytes(whole[:100])  # cut: the rest of the slicing, and any slice read after
    with pytest.raises(NeardupError, match="input changed.*shorter than when the run started"):
        list(pieces)
    with pytest.raises(NeardupError, match=r"f\.jsonl: the input changed .*lines from 1:"):
        slice_bytes(dataclasses.replace(first, end=200))

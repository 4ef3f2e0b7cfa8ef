"""Workers write the output files themselves, in shard order, whatever order they finish in."""

import threading
import time

import pytest

from neardup.errors import NeardupError
from neardup.write.ordered import OrderedFiles


def test_shards_finishing_out_of_order_are_written_in_shard_order(tmp_path):
    files = OrderedFiles({"a": tmp_path / "a.jsonl", "b": tmp_path / "b.jsonl"})
    chunks = {i: [f"a{i}\n".encode() * (i + 1), f"b{i}\n".encode()] for i in range(6)}
    # shards 5, 4, ..., 0 start in reverse order: each must wait for the one before it
    threads = [threading.Thread(target=files.write, args=(i, chunks[i])) for i in range(6)]
    for thread in reversed(threads):
        thread.start()
        time.sleep(0.01)
    for thread in threads:
        thread.join(timeout=10)
    assert not any(thread.is_alive() for thread in threads)
    assert (tmp_path / "a.jsonl").read_bytes() == b"".join(chunks[i][0] for i in range(6))
    assert (tmp_path / "b.jsonl").read_bytes() == b"".join(chunks[i][1] for i in range(6))
    assert files.sizes() == [len(b"".join(chunks[i][k] for i in range(6))) for k in (0, 1)]


def test_an_earlier_run_longer_file_is_truncated(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(b"x" * 100)
    files = OrderedFiles({"a": tmp_path / "a.jsonl"})
    files.write(0, [b"new\n"])
    assert (tmp_path / "a.jsonl").read_bytes() == b"new\n"


def test_a_failed_shard_releases_the_shards_waiting_after_it(tmp_path):
    files = OrderedFiles({"a": tmp_path / "a.jsonl"})
    errors: list[Exception] = []

    def later_shard() -> None:
        try:
            files.write(1, [b"late\n"])
        except NeardupError as exc:
            errors.append(exc)

    waiting = threading.Thread(target=later_shard)
    waiting.start()
    time.sleep(0.05)
    files.fail()  # shard 0 failed: shard 1 must not wait for it for ever
    waiting.join(timeout=10)
    assert not waiting.is_alive()
    assert errors and "shard 1" in str(errors[0])
    with pytest.raises(NeardupError):
        files.write(2, [b"x\n"])

"""The Ray executor runs the same stages and gives byte-identical outputs to a local run."""

import pytest

import neardup
from tests.conftest import make_article

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'neardup[ray]')")


@pytest.fixture(scope="module")
def ray_session():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def test_ray_executor_matches_local_run(tmp_path, ray_session):
    story = make_article(4)
    docs = [{"id": f"d{i}", "text": text} for i, text in enumerate(
        [story, make_article(5), story.replace("said", "told reporters"), make_article(6),
         story.upper(), " "])]
    local = neardup.dedup(docs, clean=False, output=tmp_path / "local", shard_size=2)
    remote = neardup.dedup(docs, clean=False, output=tmp_path / "ray", shard_size=2,
                           executor="ray")
    assert remote.records == local.records
    for name in ("documents.jsonl", "deduplicated.jsonl"):
        assert (tmp_path / "ray" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    assert remote.summary["counts"]["duplicate"] == 2

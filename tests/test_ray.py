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


def test_ray_run_of_a_jsonl_file_writes_the_same_report_texts(tmp_path, ray_session):
    # Locally a JSONL file is read in ~1 MB slices, on Ray in shards of 256 documents; the
    # report's text sample was compressed one gzip member per shard, so its bytes followed
    # the shard layout (same texts, different file) while documents.jsonl was identical.
    import json

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": make_article(i, 2)}) + "\n"
                              for i in range(300)))
    for executor in ("local", "ray"):
        options = neardup.make_options(clean=False, quiet=True, jobs=2, executor=executor)
        neardup.dedup_files([corpus], tmp_path / executor, options)
    for name in ("documents.jsonl", "report-texts.jsonl.gz"):
        assert (tmp_path / "ray" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


def test_ray_run_with_cleaning_learns_the_same_site_templates(tmp_path, ray_session):
    # The site-template pass on Ray: each page's line hashes and page key come from Ray tasks,
    # counted in input order by the driver; pages fetched again (the same, or with another
    # "Most read" line) are one page of their site, as in a local run.
    import json

    nav = "Home\nPolitics\nSports\nWeather\nFollow the Valley Tribune on social media"
    records = []
    for i in range(12):
        page = f"{nav}\n\n{make_article(i, 3)}\n\nThe Valley Tribune is published by Valley Media."
        records.append({"id": f"p{i}", "url": f"https://tribune.example/{i}", "text": page})
        if i % 3 == 0:  # (fetched again, far apart in the input)
            records.append({"id": f"p{i}~f", "url": f"https://tribune.example/{i}?utm=x",
                            "text": f"{page}\n\nMost read: Leeds wins the cup"})
    records = records[::2] + records[1::2]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records))
    for executor in ("local", "ray"):
        options = neardup.make_options(quiet=True, jobs=2, executor=executor, report=False)
        neardup.dedup_files([corpus], tmp_path / executor, options)
    for name in ("documents.jsonl", "deduplicated.jsonl"):
        assert (tmp_path / "ray" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    removed = [json.loads(line)["removed"] for line in (tmp_path / "ray" / "documents.jsonl")
               .open()]
    assert any(span["reason"] == "site-template" for spans in removed for span in spans)

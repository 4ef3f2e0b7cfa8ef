"""The Document record: what crosses process boundaries and the spill files intact."""

import dataclasses
import pickle

from neardup.document import Document, RemovedSpan, pack, unpack


def test_a_document_pickles_with_every_field_in_its_place():
    # (pickled by its fields in order, ``Document.__reduce__``: a field added or moved must
    # still land in its own attribute, which distinct values per field show)
    values = {}
    for number, f in enumerate(dataclasses.fields(Document)):
        if f.name == "index":
            values[f.name] = number
        elif f.name == "removed":
            values[f.name] = [RemovedSpan(1, 4, "caption")]
        elif f.name == "metadata":
            values[f.name] = {"field": number, "nested": [1, {"a": None}]}
        elif f.name == "warnings":
            values[f.name] = [f"warning {number}"]
        else:
            values[f.name] = f"{f.name} {number}"
    doc = Document(**values)
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        back = pickle.loads(pickle.dumps(doc, protocol=protocol))
        assert dataclasses.asdict(back) == dataclasses.asdict(doc)
        assert back.metadata is not doc.metadata
    spilled = unpack(pickle.loads(pickle.dumps(pack(doc))))
    assert spilled.removed == [RemovedSpan(1, 4, "caption")] and spilled.html is None
    assert spilled.text == "text 1" and spilled.folder == values["folder"]

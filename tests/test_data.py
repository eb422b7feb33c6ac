"""The data package: every file valid against its schema, every dataset labelled and loadable."""

import hashlib
import importlib.metadata
import re
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

import clusterlib as cl

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_FILES = {
    "huang_wang_jimei": "000_5ccde1d71afe1db1.txt",
    "wang_huang_ecommerce": "001_ab322eec6eecb519.txt",
    "zhang_guangzhou": "002_97a01bcbe56f1696.txt",
    "gu_2007_clusters": "003_af95f37e52ae828d.txt",
    "yu_cluster_transfer": "004_3d7cd02f53feff00.txt",
}
NAMES = cl.data.list_datasets()


# A passing validation is remembered for exactly the bytes it validated: frictionless checks
# every row in Python (12 s for the 177,000 rows of world_exports_2017 alone), and the same
# files with the same frictionless give the same report. The stamp lives in the environment
# (rebuilt when a pin changes); delete it to validate again. A failure is never remembered.
VALIDATED = Path(sys.prefix) / ".clusterlib-test-cache"


def package_digest(folder: Path) -> str:
    """SHA-256 over frictionless's version and the name and bytes of every file of the data
    package (data scripts excepted: the package does not read them)."""
    digest = hashlib.sha256(importlib.metadata.version("frictionless").encode())
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "scripts" not in
                       p.relative_to(folder).parts):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_datapackage_is_valid_against_schemas():
    folder = cl.data.data_dir()
    stamp = VALIDATED / f"datapackage-{package_digest(folder)}.valid"
    if stamp.is_file():  # these very bytes passed before, with this frictionless
        assert stamp.read_text(encoding="utf-8") == f"valid: {folder / 'datapackage.json'}\n"
        return
    import frictionless

    report = frictionless.validate(str(folder / "datapackage.json"))
    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    assert report.valid, errors
    VALIDATED.mkdir(exist_ok=True)
    stamp.write_text(f"valid: {folder / 'datapackage.json'}\n", encoding="utf-8")


def test_package_digest_sees_every_byte(tmp_path):
    """The remembered validation is redone after any change to a data file or the descriptor."""
    (tmp_path / "datapackage.json").write_text("{}")
    (tmp_path / "a.csv").write_text("x\n1\n")
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "make.py").write_text("pass")
    first = package_digest(tmp_path)
    (tmp_path / "scripts" / "make.py").write_text("print()")
    assert package_digest(tmp_path) == first
    (tmp_path / "a.csv").write_text("x\n2\n")
    assert package_digest(tmp_path) != first


@pytest.mark.parametrize("name", NAMES)
def test_every_dataset_is_described(name):
    meta = cl.data.metadata(name)
    assert meta["kind"] in {"real", "derived", "synthetic"}
    assert meta["sources"] and meta["licenses"] and meta["title"] and meta["description"]
    for field in meta["schema"]["fields"]:
        assert field.get("description"), f"{name}.{field['name']} has no description"
    if meta["kind"] == "synthetic":
        assert "SYNTHETIC" in meta["title"] and "SYNTHETIC" in meta["description"]
        assert (cl.data.data_dir().parent / meta["script"]).is_file()


@pytest.mark.parametrize("name", NAMES)
def test_load_types_columns_as_schema_says(name):
    frame = cl.data.load(name)
    meta = cl.data.metadata(name)
    assert frame.attrs["kind"] == meta["kind"] and len(frame) > 0
    for field in meta["schema"]["fields"]:
        column = frame[field["name"]]
        if field["type"] == "integer":
            assert column.dtype == "int64"
        elif field["type"] == "number":
            assert column.dtype == "float64" and column.notna().all()
        else:
            assert pd.api.types.is_string_dtype(column)


def test_load_rejects_unknown_name_and_wrong_type():
    with pytest.raises(ValueError, match="Unknown dataset 'nope'"):
        cl.data.load("nope")
    with pytest.raises(TypeError, match="must be a string"):
        cl.data.metadata(3)


def test_data_dir_override_must_hold_a_package(monkeypatch, tmp_path):
    monkeypatch.setenv("CLUSTERLIB_DATA", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="No datapackage.json"):
        cl.data.data_dir()


def test_metadata_is_a_copy():
    cl.data.metadata("seed_facts")["kind"] = "changed"
    assert cl.data.metadata("seed_facts")["kind"] == "real"


def test_seed_facts_cover_all_documents():
    facts = cl.data.load("seed_facts")
    assert len(facts) >= 150
    assert set(facts["document"]) == set(SEED_FILES)
    assert facts["id"].is_unique


def _squeeze(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repository")
def test_seed_facts_quote_their_documents_verbatim():
    facts = cl.data.load("seed_facts")
    texts = {doc: _squeeze((SEEDS / name).read_text(encoding="utf-8"))
             for doc, name in SEED_FILES.items()}
    missing = [row.id for row in facts.itertuples() if _squeeze(row.wording_zh) not in texts[row.document]]
    assert missing == []


def test_seed_fact_values_appear_in_their_wording():
    """Each value is printed in its wording, unless it was converted from Chinese numerals."""
    facts = cl.data.load("seed_facts")
    unconverted = []
    for row in facts.itertuples():
        wording = row.wording_zh.replace(",", "").replace("，", "")
        printed = f"{row.value:g}"
        if printed not in wording and f"{row.value:.2f}" not in wording and f"{row.value:.1f}" not in wording:
            unconverted.append(row.id)
    # Conversions from Chinese numerals or fractions (三成, 1/10 ...) are a small minority.
    assert len(unconverted) <= 0.15 * len(facts), unconverted


def test_facts_print_values_as_the_documents_do():
    table = cl.data.facts(["GQ-004", "YL-001", "GZ-012", "JM-003", "GQ-033"])
    assert list(table.columns) == ["region", "indicator", "value", "unit", "year"]
    # a duration of years and a count are grouped; a calendar year is not; decimals are kept
    assert table["value"].tolist() == ["1,400", "1860", "85,516", "21.7", "2,500"]
    assert table.index.tolist() == ["GQ-004", "YL-001", "GZ-012", "JM-003", "GQ-033"]


def test_facts_keep_requested_columns_and_order():
    table = cl.data.facts(["JM-003", "GQ-004"], columns=["unit", "value"])
    assert list(table.columns) == ["unit", "value"]
    assert table.index.tolist() == ["JM-003", "GQ-004"]


def test_facts_reject_bad_ids_and_columns():
    with pytest.raises(TypeError, match="list of seed_facts ids"):
        cl.data.facts("GQ-004")
    with pytest.raises(ValueError, match="`ids` is empty"):
        cl.data.facts([])
    with pytest.raises(ValueError, match=r"Unknown seed_facts ids \['XX-001'\]"):
        cl.data.facts(["GQ-004", "XX-001"])
    with pytest.raises(ValueError, match=r"Unknown seed_facts columns \['colour'\]"):
        cl.data.facts(["GQ-004"], columns=["value", "colour"])

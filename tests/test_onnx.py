"""Export tiny real models to ONNX, quantize them, and compare with the torch backend."""

import itertools
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from tinymodels import CORPUS, build_nli

from checker.errors import ModelError
from checker.judge.export import (
    data_file,
    export_onnx,
    external_weights,
    inline_weights,
    optimized_file,
    optimized_for,
)
from checker.judge.nli import TransformersNli
from checker.judge.onnx import OnnxNli

PAIRS = [(a, b) for a, b in itertools.product(CORPUS, CORPUS) if a != b]
FP32_TOLERANCE = 1e-5  # measured: <= 3.2e-7 on 9 tiny models
INT8_TOLERANCE = 0.05  # measured: <= 0.022 on the same models


@pytest.fixture(scope="module", params=["deberta", "xlmr"])
def exported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    labels = {
        "deberta": ("CONTRADICTION", "Neutral", "entailment"),
        "xlmr": ("ENTAILMENT", "NEUTRAL", "CONTRADICTION"),
    }[request.param]
    path = build_nli(
        tmp_path_factory.mktemp(request.param) / "m", arch=request.param, labels=labels
    )
    result = export_onnx(path, path, int8=True)
    assert result.max_logit_diff < 1e-4
    assert result.fp32 == path / "onnx" / "model.onnx" and result.int8 is not None
    for graph in (result.fp32, result.int8):  # weights beside the graph: it opens faster
        assert data_file(graph).is_file() and not inline_weights(graph)
    assert optimized_for(result.fp32) == optimized_file(result.fp32)  # and pre-optimized
    return path


def test_fp32_matches_torch(exported: Path) -> None:
    torch_probs = TransformersNli(str(exported)).predict(PAIRS)
    onnx_probs = OnnxNli(str(exported)).predict(PAIRS)
    assert np.abs(torch_probs - onnx_probs).max() <= FP32_TOLERANCE
    assert (torch_probs.argmax(1) == onnx_probs.argmax(1)).all()


def test_int8_within_measured_tolerance(exported: Path) -> None:
    torch_probs = TransformersNli(str(exported)).predict(PAIRS)
    int8 = OnnxNli(str(exported), int8=True)
    int8_probs = int8.predict(PAIRS)
    assert int8.model_file is not None and int8.model_file.name == "model_quantized.onnx"
    assert np.abs(torch_probs - int8_probs).max() <= INT8_TOLERANCE
    ranked = np.sort(torch_probs, axis=1)
    clear = ranked[:, -1] - ranked[:, -2] > 2 * INT8_TOLERANCE  # a flip is impossible there
    assert clear.sum() > 0
    assert (torch_probs.argmax(1)[clear] == int8_probs.argmax(1)[clear]).all()


def test_onnx_backend_does_not_import_torch(exported: Path) -> None:
    code = (
        "import sys; from checker.judge.onnx import OnnxNli;"
        f"p = OnnxNli({str(exported)!r}, int8=True).predict([('a b', 'c d')]);"
        "assert p.shape == (1, 3);"
        "print(','.join(m for m in ('torch', 'transformers') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_missing_onnx_file_is_a_clear_error(nli_random: Path, tmp_path: Path) -> None:
    copy = tmp_path / "no-onnx"
    shutil.copytree(nli_random, copy)
    with pytest.raises(ModelError, match="model_quantized.onnx"):
        OnnxNli(str(copy), int8=True).load()


def test_auto_runs_onnx_fp32_where_its_file_is_here_and_torch_elsewhere(
    exported: Path, nli_random: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The default backend: the fp32 ONNX file where it is on this machine (the same
    verdicts as torch fp32), torch where it is not, and torch for bf16."""
    from checker.config import Config
    from checker.judge.nli import runs_on

    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    assert Config().backend == "auto"
    assert runs_on(Config(nli_model=str(exported)), str(exported), None, None) == "onnx"
    assert runs_on(Config(nli_model=str(nli_random)), str(nli_random), None, None) == "torch"
    bf16 = Config(nli_model=str(exported), precision="bf16")
    assert runs_on(bf16, str(exported), None, None) == "torch"
    code = (
        "import sys, checker; from pathlib import Path;"
        "files = sorted(Path('samples/story').glob('*.txt'));"
        f"r = checker.compare(files, checker.Config(nli_model={str(exported)!r}));"
        "print([m.backend for m in r.models if m.role == 'nli'][0], r.summary.nli_reused,"
        " *[m for m in ('torch', 'transformers', 'onnxruntime') if m in sys.modules])"
    )
    root = Path(__file__).resolve().parent.parent
    first, second = (
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
        ).stdout.split()  # fmt: skip
        for _ in range(2)
    )
    # the whole compare runs without torch; a re-run read from the NLI cache opens no
    # onnxruntime session either
    assert first[:2] == ["onnx", "0"] and first[2:] == ["onnxruntime"]
    assert second[0] == "onnx" and int(second[1]) > 0 and second[2:] == []


def test_compare_precision_under_auto_runs_torch(exported: Path, tmp_path: Path) -> None:
    """bf16 is a torch mode: `eval pairs --compare-precision` on a model whose ONNX file
    would make `auto` run ONNX runs torch instead (then needs bf16 hardware, or says so)."""
    import json

    from click.testing import CliRunner

    from checker.cli import main
    from checker.judge.nli import bf16_capable

    path = tmp_path / "pairs.jsonl"
    path.write_text(
        json.dumps({"premise": "a b", "hypothesis": "c d", "label": "neutral"}), encoding="utf-8"
    )
    args = ["eval", "pairs", str(path), "--nli-model", str(exported), "--compare-precision"]
    result = CliRunner().invoke(main, args)
    assert "needs --backend torch" not in result.output
    if bf16_capable("cpu")[0]:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 2 and "no bf16 instructions" in result.output


def test_inline_weights_rewritten_beside_the_graph_give_the_same_outputs(
    exported: Path, tmp_path: Path
) -> None:
    """The hub ships its graphs with the weights inline; rewritten as graph + data file
    they load through the same OnnxNli and give bit-identical probabilities."""
    import onnx

    inline = tmp_path / "inline"
    shutil.copytree(exported, inline)
    graph = inline / "onnx" / "model.onnx"
    onnx.save(onnx.load(str(graph)), str(graph))  # weights back inside, as on the hub
    data_file(graph).unlink()
    assert inline_weights(graph)
    before = OnnxNli(str(inline)).predict(PAIRS)
    assert external_weights(graph) and not inline_weights(graph)
    assert data_file(graph).stat().st_size > graph.stat().st_size
    assert not external_weights(graph)  # once is enough
    assert np.array_equal(OnnxNli(str(inline)).predict(PAIRS), before)


def test_the_runtimes_optimized_copy_gives_the_plain_graphs_outputs(
    exported: Path, tmp_path: Path
) -> None:
    """fp32 opens the copy onnxruntime optimized at export (no optimizing at start) and
    gives what the plain graph gives; a copy another runtime version wrote, or one made
    from another graph, is passed over for the plain graph."""
    import json

    fast = OnnxNli(str(exported))
    fast_probs = fast.predict(PAIRS)
    assert fast.model_file is not None and fast.model_file.name == "model.opt.onnx"
    plain_dir = tmp_path / "plain"
    shutil.copytree(exported, plain_dir)
    graph = plain_dir / "onnx" / "model.onnx"
    stamp = optimized_file(graph).with_suffix(".json")
    written = json.loads(stamp.read_text(encoding="utf-8"))
    stamp.write_text(json.dumps({**written, "onnxruntime": "0.0.1"}), encoding="utf-8")
    assert optimized_for(graph) is None
    plain = OnnxNli(str(plain_dir))
    assert np.abs(plain.predict(PAIRS) - fast_probs).max() <= 1e-6
    assert plain.model_file == graph

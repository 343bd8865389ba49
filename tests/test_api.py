"""Tests of the public facade: names, laziness, import cost."""

from __future__ import annotations

import subprocess
import sys

import policytext as pt


def test_all_is_complete_and_sorted() -> None:
    public = {name for name in dir(pt) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(pt, name)).__name__ == "module"}
    assert set(pt.__all__) == (public - modules) | {"__version__"}, set(pt.__all__) ^ public
    assert list(pt.__all__) == sorted(pt.__all__)


def test_errors_form_one_tree() -> None:
    for name in pt.__all__:
        obj = getattr(pt, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, pt.PolicyTextError)
    assert issubclass(pt.InputError, ValueError)
    assert issubclass(pt.ModelError, RuntimeError)


def test_import_does_not_pull_heavy_libraries() -> None:
    code = (
        "import sys, policytext; "
        "names = ('torch', 'sentence_transformers', 'transformers', 'onnxruntime'); "
        "heavy = [m for m in names if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_help_does_not_pull_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from policytext.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print([m for m in ('torch', 'sentence_transformers', 'onnxruntime') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_lazy_names_survive_submodule_imports() -> None:
    code = (
        "import policytext.pipeline, policytext.index, policytext.score, policytext.embed\n"
        "import policytext as pt\n"
        "assert callable(pt.compare) and isinstance(pt.PositionIndex, type)\n"
        "assert pt.Weights().semantic > 0 and callable(pt.resolve_encoder)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_import_does_not_pull_numpy() -> None:
    code = "import sys, policytext; print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

sys.path.insert(0, str(Path(__file__).parent))

# HYPOTHESIS_PROFILE=thorough runs every property test on 20 times more examples.
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The three editions, built once per test session as ``python3 dev.py site`` builds them.

    ``SITE=_build/site pytest tests/test_site.py`` reuses a site built before, to
    iterate on the tests alone.
    """
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "docs"))
    from build_site import build_site

    if os.environ.get("SITE"):
        return Path(os.environ["SITE"]).resolve()
    out = tmp_path_factory.mktemp("site")
    report = build_site(out)
    for lang, (seconds, stderr) in report.items():
        print(f"{lang}: {seconds:.1f} s")
        assert "WARNING" not in stderr and "ERROR" not in stderr, stderr
    return out

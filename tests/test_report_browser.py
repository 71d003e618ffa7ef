"""The tour report in a real browser: headless Chromium loads the page and decodes every figure.

CI installs Chromium from Debian's packages (``.ci/run``); elsewhere the test is skipped when
no Chromium is installed (``apt-get install chromium`` to run it).
"""

import os
import re
import shutil
import subprocess

import numpy as np
import pytest

from multilateral.report import write_report

BROWSER = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")
                if shutil.which(name)), None)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    if BROWSER is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install Chromium for the report's browser test (see .ci/run)")
        pytest.skip("no Chromium installed: apt-get install chromium")
    return write_report(tmp_path_factory.mktemp("report"), progress=False)


def chromium(*args):
    return subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", *args],
                          capture_output=True, text=True, timeout=120, check=True)


def test_every_figure_renders(page):
    dom = chromium("--virtual-time-budget=10000", "--dump-dom", page.as_uri()).stdout
    n_images = len(re.findall(r"<img ", page.read_text()))
    assert n_images >= 3
    # the page's own script counts the images the browser decoded once loading finished
    assert f'data-figures-rendered="{n_images}/{n_images}"' in dom
    for title in ("Shadow of the future (Oye)", "Crisis off-ramps"):
        assert title in dom


def test_screenshot_shows_the_page(page, tmp_path):
    plt = pytest.importorskip("matplotlib.pyplot")
    shot = tmp_path / "page.png"
    chromium("--window-size=1200,2400", f"--screenshot={shot}", page.as_uri())
    pixels = plt.imread(shot)
    assert pixels.shape[:2] == (2400, 1200)
    assert np.std(pixels[..., :3]) > 0.05  # text and figures, not a blank page

"""Sphinx configuration of the multilateral documentation.

Build (offline, warnings are errors)::

    sphinx-build -W -b html docs docs/_build/html

Needs the ``docs`` extra: sphinx, numpydoc, sphinx-gallery, matplotlib.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # the gallery and autodoc never open a window

HERE = Path(__file__).resolve().parent
# Prefer the working tree's sources when the package is not installed (e.g. a plain checkout).
sys.path.insert(0, os.fspath(HERE.parent / "src"))

import multilateral

# -- project ---------------------------------------------------------------------------------------
project = "multilateral"
author = "The multilateral developers"
copyright = "The multilateral developers"
release = multilateral.__version__
version = ".".join(release.split(".")[:2])

# -- general ---------------------------------------------------------------------------------------
extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.mathjax",
    "numpydoc",
    "sphinx_gallery.gen_gallery",
    "matplotlib.sphinxext.plot_directive",  # ships with matplotlib: figures in the tutorial
]
templates_path = ["_templates"]
exclude_patterns = [
    "_build",
    "**.ipynb_checkpoints",
    "auto_examples/*.ipynb",
    "auto_examples/*.py",
    "auto_examples/*.zip",
    "auto_examples/*.json",
    "auto_examples/*.md5",
]
root_doc = "index"
default_role = "literal"  # `x` in rst means code, never a failed cross-reference
pygments_style = "sphinx"

# -- autodoc / autosummary / numpydoc -------------------------------------------------------------
autosummary_generate = True
autosummary_imported_members = True  # subpackages re-export their classes through __init__
autosummary_ignore_module_all = False  # document exactly what each module's __all__ exports
autodoc_default_options = {"member-order": "bysource"}
autodoc_typehints = "none"  # numpydoc's Parameters sections carry the types
autodoc_class_signature = "mixed"
numpydoc_show_class_members = False  # the class template lists members itself
numpydoc_class_members_toctree = False
numpydoc_attributes_as_param_list = True
numpydoc_xref_param_type = False
# numpydoc leaves *module* docstrings unparsed, so the citations of a module's References
# section that its text does not cite with [1]_ would each raise "not referenced" under -W.
suppress_warnings = ["ref.citation"]

# -- sphinx-gallery --------------------------------------------------------------------------------
sphinx_gallery_conf = {
    "examples_dirs": "../examples",
    "gallery_dirs": "auto_examples",
    "filename_pattern": r"/plot_",
    "remove_config_comments": True,
    "download_all_examples": False,
    "backreferences_dir": None,
    "image_scrapers": ("matplotlib",),
    "abort_on_example_error": True,
    "within_subsection_order": "FileNameSortKey",
    "show_memory": False,
    "plot_gallery": "True",
}

# -- matplotlib plot directive --------------------------------------------------------------------
plot_include_source = True
plot_html_show_source_link = False
plot_html_show_formats = False
plot_formats = [("png", 100)]
plot_rcparams = {"figure.autolayout": False}

# -- HTML ------------------------------------------------------------------------------------------
html_theme = "alabaster"
html_title = f"multilateral {release}"
html_static_path: list[str] = []
html_theme_options = {
    "description": "Game-theoretic models of international cooperation",
    "fixed_sidebar": True,
    "show_relbars": True,
}
html_sidebars = {"**": ["about.html", "navigation.html", "relations.html", "searchbox.html"]}

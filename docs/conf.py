"""Sphinx configuration of the multilateral documentation.

Build (offline, warnings are errors, every cross-reference must resolve)::

    sphinx-build -W -b html docs docs/_build/html

Add ``-D plot_gallery=0`` while editing: the reference alone builds in a few minutes; the
gallery runs every example. Needs the ``docs`` extra: sphinx, numpydoc, sphinx-gallery,
matplotlib. The API reference pages come from ``_templates/autosummary/module.rst`` and
``_ext/apiref.py``; intersphinx reads the local inventories of ``_intersphinx``.
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
sys.path.insert(0, os.fspath(HERE / "_ext"))  # apiref: what the API reference documents

import apiref

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
    "sphinx.ext.intersphinx",
    "apiref",  # docs/_ext/apiref.py: canonical entries, claims table, solvers by topic
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
# Every cross-reference must resolve (a typo in :func:`...` fails the build under -W).
nitpicky = True
default_role = "literal"  # `x` in rst means code, never a failed cross-reference
pygments_style = "sphinx"

# -- autodoc / autosummary / numpydoc -------------------------------------------------------------
autosummary_generate = True
autosummary_imported_members = True  # subpackages re-export their classes through __init__
autosummary_ignore_module_all = False  # document exactly what each module's __all__ exports
# The module template asks apiref what to list: every name of __all__ once (on its canonical
# page), module data with its #: comment, submodules, the claims, the solvers by topic.
autosummary_context = apiref.TEMPLATE_CONTEXT
autodoc_default_options = {"member-order": "bysource"}
autodoc_typehints = "none"  # numpydoc's Parameters sections carry the types
autodoc_class_signature = "mixed"
numpydoc_show_class_members = False  # the class template lists members itself
numpydoc_class_members_toctree = False
numpydoc_xref_param_type = False
numpydoc_attributes_as_param_list = True
# numpydoc leaves *module* docstrings unparsed, so the citations of a module's References
# section that its text does not cite with [1]_ would each raise "not referenced" under -W.
suppress_warnings = ["ref.citation"]

# -- intersphinx ----------------------------------------------------------------------------------
# The build runs offline (CI has no network), so intersphinx must not download objects.inv:
# each project maps to a small local inventory in docs/_intersphinx holding exactly the targets
# the docs reference, with the URIs of the project's own inventory (see make_inventories.py
# there, which writes them; tests/test_reference_docs.py checks every mapping is local).
INVENTORIES = HERE / "_intersphinx"
intersphinx_mapping = {
    "python": ("https://docs.python.org/3/", os.fspath(INVENTORIES / "python.inv")),
    "numpy": ("https://numpy.org/doc/stable/", os.fspath(INVENTORIES / "numpy.inv")),
    "scipy": ("https://docs.scipy.org/doc/scipy/", os.fspath(INVENTORIES / "scipy.inv")),
    "sympy": ("https://docs.sympy.org/latest/", os.fspath(INVENTORIES / "sympy.inv")),
    "hypothesis": ("https://hypothesis.readthedocs.io/en/latest/",
                   os.fspath(INVENTORIES / "hypothesis.inv")),
    "nashpy": ("https://nashpy.readthedocs.io/en/stable/", os.fspath(INVENTORIES / "nashpy.inv")),
    "pandas": ("https://pandas.pydata.org/docs/", os.fspath(INVENTORIES / "pandas.inv")),
    "matplotlib": ("https://matplotlib.org/stable/", os.fspath(INVENTORIES / "matplotlib.inv")),
}
intersphinx_timeout = 1  # never wait on the network (the inventories above are local files)

# -- nitpicky: the few names with no documentation target ----------------------------------------
nitpick_ignore_regex = [
    # Private modules and their names (a component starting with "_", e.g. ``_nash`` or
    # ``multilateral._numeric.format_number``): the reference documents the public API only,
    # and docstrings of public modules mention where the work is done.
    ("py:.*", r"(.*\.)?_(?!_)[A-Za-z0-9_]*(\..*)?"),
    # numpy.typing's ArrayLike expands to private protocols of numpy._typing, which numpy
    # does not document.
    ("py:class", r"numpy\._typing\..*"),
]

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
html_static_path = ["_static"]
# Long lines in code blocks, doctest and gallery output wrap instead of running past
# alabaster's fixed 940px column, where they are cut off or hidden behind a scrollbar
# (_static/multilateral.css).
html_css_files = ["multilateral.css"]
html_theme_options = {
    "description": "Game-theoretic models of international cooperation",
    "fixed_sidebar": True,
    "show_relbars": True,
}
html_sidebars = {"**": ["about.html", "navigation.html", "relations.html", "searchbox.html"]}

"""Compiled templates are kept for the next build, and never used for a template that changed."""

from __future__ import annotations

import pytest
from jinja2 import Environment, FileSystemLoader

from minga.web import template_cache


def _environment(templates, folder):
    env = Environment(loader=FileSystemLoader(str(templates)), autoescape=lambda name: name == "ours.html")
    env.bytecode_cache = template_cache.CompiledTemplates(folder)
    return env


def test_the_next_build_reuses_compiled_templates_and_compiles_an_edited_one(tmp_path, monkeypatch):
    templates, folder = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    (templates / "ours.html").write_text("<p>{{ word }}</p>", encoding="utf-8")
    assert _environment(templates, folder).get_template("ours.html").render(word="<b>") == "<p>&lt;b&gt;</p>"
    assert len(list(folder.glob("*.jinja"))) == 1

    later = _refusing_to_compile(_environment(templates, folder), monkeypatch)  # a new process: nothing in memory
    assert later.get_template("ours.html").render(word="<b>") == "<p>&lt;b&gt;</p>"

    (templates / "ours.html").write_text("<div>{{ word }}</div>", encoding="utf-8")  # edited (minga serve)
    with pytest.raises(AssertionError, match="compiled again"):
        _refusing_to_compile(_environment(templates, folder), monkeypatch).get_template("ours.html")
    assert _environment(templates, folder).get_template("ours.html").render(word="y") == "<div>y</div>"


def _refusing_to_compile(env, monkeypatch):
    def compile_again(*args, **kwargs):
        raise AssertionError("compiled again")
    monkeypatch.setattr(env, "compile", compile_again)
    return env


def test_what_shapes_the_compiled_code_names_its_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("MINGA_CACHE_DIR", str(tmp_path))
    env = Environment()
    escaped = template_cache.for_environment(env, frozenset({"main.html"}))
    assert escaped is template_cache.for_environment(Environment(), frozenset({"main.html"}))  # every language's
    assert escaped.folder.parent == tmp_path / "templates"
    assert template_cache.for_environment(env, frozenset()).folder != escaped.folder  # escaping is compiled in
    assert template_cache.for_environment(Environment(trim_blocks=True), frozenset({"main.html"})).folder != escaped.folder
    monkeypatch.setenv("MINGA_TEMPLATE_CACHE", "0")
    assert template_cache.for_environment(Environment(lstrip_blocks=True), frozenset()).folder is None

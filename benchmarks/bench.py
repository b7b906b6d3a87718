#!/usr/bin/env python3
"""Build speed and memory on synthetic curricula shaped like ours (`make bench`).

For each size (sessions) and language count it makes a curriculum (benchmarks/synth.py) and
measures whole processes, each run in a fresh process (wall time, CPU time, peak resident
memory of the largest process from wait4), the median of --runs runs:

  check      `minga check`
  site       `minga build --no-pdf` (check, then MkDocs with our hooks)
  hooks      `mkdocs build` with our hooks and templates (what the site step runs)
  plain      `mkdocs build` of the same content, theme, features, Markdown and i18n plugin,
             with none of our hooks or templates (baseline: hooks / plain is our overhead)
  one-lang   `minga build --no-pdf --lang <second language>`

and, for the sizes in --pdf-sizes, English PDFs (guides A4, handouts, forms):

  pdf-cold-1, pdf-cold-2   `build_pdf.py --lang en --paper a4` with an empty cache, 1 and 2 workers
  pdf-warm                 the same again, nothing changed
  pdf-one-changed          after one session changed (how many PDFs were remade is recorded)
  raw-weasyprint           WeasyPrint alone on the same HTML documents, one process (baseline)

The machine may be shared: compare ratios measured in the same run, not absolute seconds.
Results: benchmarks/results/<name>.json and .md, and a chart, benchmarks/results/<name>.svg.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import chart  # noqa: E402
import synth  # noqa: E402


@dataclass
class Measure:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and every process it waited for
    peak_mb: float  # peak resident memory of the largest of them
    output: str = ""


@dataclass
class Row:
    sessions: int
    languages: int
    step: str
    runs: int
    wall: float
    cpu: float
    peak_mb: float
    note: str = ""
    to_plain: float | None = None  # median of CPU ratios to the plain build run beside it (hooks rows)


@dataclass
class Results:
    machine: dict
    rows: list[Row] = field(default_factory=list)


def run(command: list[str], cwd: Path, env: dict) -> Measure:
    """One whole process, started by spawner.py: wall time, CPU time and peak memory (wait4 of the child)."""
    spawner = _spawner()
    spawner.stdin.write(json.dumps({"command": command, "cwd": str(cwd), "env": env}) + "\n")
    spawner.stdin.flush()
    done = json.loads(spawner.stdout.readline())
    if done["returncode"] != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done['returncode']}):\n{done['output'][-3000:]}")
    return Measure(done["wall"], done["cpu"], done["peak_mb"], done["output"])


@functools.cache
def _spawner() -> subprocess.Popen:
    """The small process that starts every measured command (see spawner.py): started by main() first."""
    return subprocess.Popen([sys.executable, str(HERE / "spawner.py")], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, encoding="utf-8")


def median_of(runs: int, command: list[str], cwd: Path, env: dict, before=None) -> tuple[Measure, list[Measure]]:
    measures = []
    for _ in range(runs):
        if before:
            before()
        measures.append(run(command, cwd, env))
    middle = Measure(statistics.median(m.wall for m in measures), statistics.median(m.cpu for m in measures),
                     statistics.median(m.peak_mb for m in measures), measures[-1].output)
    return middle, measures


def bench_size(results: Results, work: Path, sessions: int, languages: int, runs: int, steps: set[str],
               log=print) -> None:
    made = synth.make(work / f"s{sessions}-l{languages}", sessions, languages)
    # The check's and the PDFs' caches of this run only, so "cold" means cold (minga/user_cache.py);
    # fonts are cut once per machine, not part of any row.
    cache = work / "cache"
    if not cache.is_dir():
        from minga.user_cache import user_cache

        cache.mkdir(parents=True)
        (cache / "fonts").symlink_to(user_cache("fonts"), target_is_directory=True)
    project, env = made.project, made.env(dict(os.environ, MINGA_CACHE_DIR=str(cache)))
    # Measured as on a contributor's machine, where Python keeps compiled modules: with bytecode
    # writing turned off (some CI images), every run would compile our package again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    python = sys.executable
    minga = [python, "-m", "minga.cli"]

    def record(step: str, command: list[str], note: str = "", before=None, n: int = runs) -> Measure:
        middle, _ = median_of(n, command, project, env, before)
        results.rows.append(Row(sessions, languages, step, n, round(middle.wall, 2), round(middle.cpu, 2),
                                round(middle.peak_mb, 1), note))
        log(f"  {sessions:>5} sessions x {languages} lang  {step:<16} {middle.wall:7.2f} s wall "
            f"{middle.cpu:7.2f} s cpu {middle.peak_mb:7.0f} MB  {note}")
        return middle

    site = project.parent / "site"
    if "check" in steps:
        cold_env = dict(env, MINGA_CHECK_CACHE="0")
        middle, _ = median_of(runs, [*minga, "check"], project, cold_env)
        results.rows.append(Row(sessions, languages, "check-cold", runs, round(middle.wall, 2), round(middle.cpu, 2),
                                round(middle.peak_mb, 1), "nothing remembered (MINGA_CHECK_CACHE=0)"))
        log(f"  {sessions:>5} sessions x {languages} lang  check-cold       {middle.wall:7.2f} s wall {middle.cpu:7.2f} s cpu")
        run([*minga, "check"], project, env)  # fills the check's memory: the rows below are warm
        record("check", [*minga, "check"], note="unchanged files remembered")
        changed = project / "curriculum" / "act" / "being-present.md"
        original = changed.read_text(encoding="utf-8")
        counter = iter(range(1000))

        def change():
            changed.write_text(original + f"\nOne more sentence for the benchmark ({next(counter)}).\n", encoding="utf-8")

        record("check-one-changed", [*minga, "check"], note="one session changed, the rest remembered", before=change)
        changed.write_text(original, encoding="utf-8")
    if "site" in steps:
        record("site", [*minga, "build", "--no-pdf", "--site-dir", str(site)])
    if "hooks" in steps or "plain" in steps:
        bench_hooks(results, made, steps, runs, python, env, log)
    if "one-lang" in steps and languages > 1:
        lang = made.langs[1]
        record("one-lang", [*minga, "build", "--no-pdf", "--lang", lang, "--site-dir", str(project.parent / "one-lang")],
               note=f"--lang {lang}")
    if "pdf" in steps:
        bench_pdfs(results, made, record, python, env)
    shutil.rmtree(project.parent, ignore_errors=True)


def bench_hooks(results: Results, made, steps: set[str], runs: int, python: str, env: dict, log=print) -> None:
    """Our hooks against plain MkDocs, run in turns (hooks, plain, hooks with nothing remembered, ...):
    the cores' speed drifts from minute to minute, so each ratio is taken within one turn."""
    project = made.project
    mkdocs = [python, "-m", "mkdocs", "build", "--quiet", "--clean"]
    commands = {}
    if "hooks" in steps:
        commands["hooks"] = ([*mkdocs, "--site-dir", str(project.parent / "hooks-site")], env,
                            "check and templates remembered")
        commands["hooks-cold"] = ([*mkdocs, "--site-dir", str(project.parent / "hooks-site")],
                                  dict(env, MINGA_CHECK_CACHE="0", MINGA_TEMPLATE_CACHE="0"),
                                  "nothing remembered (check, templates)")
        run(commands["hooks"][0], project, env)  # the check and templates remembered, as after a build
    if "plain" in steps:
        plain = synth.plain_config(made)
        commands["plain"] = ([*mkdocs, "--config-file", str(plain), "--site-dir", str(project.parent / "plain-site")], env, "")
    measured: dict[str, list[Measure]] = {step: [] for step in commands}
    for _ in range(runs):
        for step, (command, step_env, _note) in commands.items():
            measured[step].append(run(command, project, step_env))
    for step, (_command, _env, note) in commands.items():
        ms = measured[step]
        to_plain = None
        if step != "plain" and "plain" in measured:
            to_plain = round(statistics.median(m.cpu / p.cpu for m, p in zip(ms, measured["plain"])), 3)
        row = Row(made.sessions, len(made.langs), step, runs, round(statistics.median(m.wall for m in ms), 2),
                  round(statistics.median(m.cpu for m in ms), 2), round(statistics.median(m.peak_mb for m in ms), 1),
                  note, to_plain)
        results.rows.append(row)
        log(f"  {row.sessions:>5} sessions x {row.languages} lang  {step:<16} {row.wall:7.2f} s wall "
            f"{row.cpu:7.2f} s cpu {row.peak_mb:7.0f} MB  {note}{f'  x{to_plain} plain' if to_plain else ''}")


def bench_pdfs(results: Results, made, record, python: str, env: dict) -> None:
    project = made.project
    out = project.parent / "pdf"
    cache = Path(env["MINGA_CACHE_DIR"]) / "pdf"
    command = [python, "build_pdf.py", "--lang", "en", "--paper", "a4", "--out", str(out)]

    def cold():
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)

    first = record("pdf-cold-1", [*command, "--jobs", "1"], before=cold)
    record("pdf-cold-2", [*command, "--jobs", "2"], before=cold)
    warm = record("pdf-warm", [*command, "--jobs", "2"])
    results.rows[-1].note = _made(warm.output)
    results.rows[-3].note = _made(first.output)
    changed = project / "curriculum" / "act" / "being-present.md"
    original = changed.read_text(encoding="utf-8")
    counter = iter(range(1000))

    def change():
        changed.write_text(original + f"\nOne more sentence for the benchmark ({next(counter)}).\n", encoding="utf-8")

    result = record("pdf-one-changed", [*command, "--jobs", "2"], before=change)
    results.rows[-1].note = _made(result.output)  # how many PDFs one changed session remade
    html = project.parent / "raw-html"
    subprocess.run([python, str(HERE / "raw_weasyprint.py"), "dump", str(project), str(html), "--lang", "en"],
                   cwd=project, env=env, check=True, capture_output=True)
    record("raw-weasyprint", [python, str(HERE / "raw_weasyprint.py"), "render", str(html)],
           note=f"{len(list(html.glob('*.html')))} documents")


def _made(output: str) -> str:
    match = re.search(r"PDFs: (\d+) in .*\((\d+) made, (\d+) unchanged\)", output)
    return f"{match.group(2)} of {match.group(1)} remade" if match else ""


def machine() -> dict:
    info = {"python": platform.python_version(), "system": platform.platform(), "cores": os.cpu_count()}
    try:
        cpu = Path("/proc/cpuinfo").read_text()
        info["cpu"] = re.search(r"model name\s*:\s*(.*)", cpu).group(1).strip()
        mem = Path("/proc/meminfo").read_text()
        info["memory_gb"] = round(int(re.search(r"MemTotal:\s*(\d+)", mem).group(1)) / 1024 / 1024, 1)
        info["load_average_at_start"] = os.getloadavg()
    except (OSError, AttributeError):
        pass
    return info


def ratios(results: Results) -> list[str]:
    """The targets of issue 14, as ratios measured in this run."""
    lines = []
    by = {(r.sessions, r.languages, r.step): r for r in results.rows}
    for (s, l, step), row in sorted(by.items()):
        if step in ("hooks", "hooks-cold") and (s, l, "plain") in by:
            plain = by[(s, l, "plain")]
            paired = f"{row.to_plain:.2f}, run by run; " if row.to_plain else ""
            lines.append(f"{s} sessions x {l} languages: {step} / plain MkDocs CPU = {paired}medians {row.cpu / plain.cpu:.2f} "
                         f"(target CPU <= 1.25)")
        if step == "site" and s == 1000 and (200, l, "site") in by:
            small = by[(200, l, "site")]
            lines.append(f"{l} languages: 1,000 / 200 sessions site build wall = {row.wall / small.wall:.2f} "
                         f"(target <= 5.5), peak {row.peak_mb:.0f} MB (target < 2048)")
        if step == "pdf-cold-1" and (s, l, "raw-weasyprint") in by:
            raw, two = by[(s, l, "raw-weasyprint")], by.get((s, l, "pdf-cold-2"))
            warm = by.get((s, l, "pdf-warm"))
            lines.append(f"{s} sessions PDFs: ours on 1 worker / raw WeasyPrint = {row.wall / raw.wall:.2f} (target <= 1.15)")
            if two:
                lines.append(f"{s} sessions PDFs: 1 worker / 2 workers = {row.wall / two.wall:.2f} (target >= 1.7)")
            if warm:
                lines.append(f"{s} sessions PDFs: warm / cold = {warm.wall / row.wall:.3f} (target <= 0.05)")
        if step == "check" and s == 1000 and l == 6:
            lines.append(f"minga check at 1,000 x 6: {row.wall:.1f} s (target < 5 s)")
    return lines


def markdown(results: Results) -> str:
    lines = ["| sessions | languages | step | runs | wall s | CPU s | peak MB | note |",
             "| ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |"]
    for r in results.rows:
        lines.append(f"| {r.sessions} | {r.languages} | {r.step} | {r.runs} | {r.wall:.2f} | {r.cpu:.2f} | {r.peak_mb:.0f} | {r.note} |")
    text = "\n".join(lines) + "\n\nRatios in this run:\n\n" + "\n".join(f"- {line}" for line in ratios(results))
    info = results.machine
    return text + "\n\nMachine: " + ", ".join(f"{k} {v}" for k, v in info.items()) + "\n"


STEPS = ("check", "site", "hooks", "plain", "one-lang", "pdf")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,200,1000", help="session counts, comma-separated")
    parser.add_argument("--langs", default="1,3,6", help="language counts, comma-separated (1, 3, 4 or 6)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each step (the median is kept)")
    parser.add_argument("--pdf-sizes", default="50", help="sizes at which the English PDFs are measured ('' for none)")
    parser.add_argument("--steps", default=",".join(STEPS), help="which steps: " + ", ".join(STEPS))
    parser.add_argument("--name", default="latest", help="results file name under benchmarks/results/")
    parser.add_argument("--out", type=Path, default=HERE / "results")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    args = parser.parse_args(argv)
    _spawner()  # while this process is small: a command's peak memory would start at its size
    sizes = [int(x) for x in args.sizes.split(",") if x]
    langs = [int(x) for x in args.langs.split(",") if x]
    pdf_sizes = {int(x) for x in args.pdf_sizes.split(",") if x}
    steps = set(args.steps.split(","))
    results = Results(machine())
    from minga.web.fonts import install_web_fonts

    with tempfile.TemporaryDirectory() as fonts:
        install_web_fonts(Path(fonts))  # the web fonts are cut once per machine: not part of any row
    with tempfile.TemporaryDirectory(prefix="minga-bench-", dir=args.work) as folder:
        for size in sizes:
            for count in langs:
                chosen = steps - ({"pdf"} if size not in pdf_sizes or count != langs[0] else set())
                bench_size(results, Path(folder), size, count, args.runs, chosen)
                _save(results, args.out, args.name)
    print(markdown(results))
    return 0


def _save(results: Results, out: Path, name: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps({"machine": results.machine, "rows": [asdict(r) for r in results.rows]},
                                                 indent=1), encoding="utf-8")
    (out / f"{name}.md").write_text(markdown(results), encoding="utf-8")
    (out / f"{name}.svg").write_text(chart.svg(results.rows), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())

"""The build pipeline, free of MkDocs: options → check → plan → pages → finish.

- `options.py`: what a build is asked to do, settled once (`resolve_options`);
- `lock.py`: one build of a council at a time;
- `plan.py`: the public site, what changed since the last build, the pages rendered;
- `finish.py`: the steps after the pages (site files, kept files, packs, search, publish, cache);
- `packs_only.py`: `papers build --packs-only`.

The theme that lays the pages out (Material, through MkDocs) is driven by the
adapter (`committee_papers.adapter`), which calls these steps in order.
"""

"""./dev bench [name …] — run the named benchmarks (all when none is named)."""

import importlib
import os
import pkgutil
import sys

import django


def main(names: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cchc.settings.base")
    django.setup()
    available = sorted(
        m.name.removeprefix("bench_") for m in pkgutil.iter_modules(__path__) if m.name.startswith("bench_")
    )
    for name in names or available:
        if name not in available:
            sys.exit(f"unknown benchmark {name!r}; available: {', '.join(available)}")
        print(f"== {name}")
        importlib.import_module(f"benchmarks.bench_{name}").run()


__path__ = [os.path.dirname(__file__)]

if __name__ == "__main__":
    main(sys.argv[1:])

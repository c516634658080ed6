"""Settings: `base` reads everything from the environment with safe defaults; `test` only adds speed."""

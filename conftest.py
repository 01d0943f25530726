# One harness for every test folder (shared/, services/*/tests, tests/).
pytest_plugins = ["qcdc_shared.testing.pytest_plugin"]

# Uncaught exception with an explicit cause (raise ... from ...): "The above exception was the direct cause".
class ConfigError(Exception):
    pass

def load(settings):
    try:
        return int(settings["port"])
    except (KeyError, ValueError) as exc:
        raise ConfigError("bad port setting") from exc

print(load({"port": "8080"}))
load({"port": "eighty"})

# Uncaught KeyError with a tuple key raised in a nested helper: the traceback shows carets under the subscript.
def load(config, section, key):
    return config[(section, key)]

def port(config):
    return int(load(config, "server", "port"))

config = {("server", "host"): "localhost"}
print("host is", load(config, "server", "host"))
print("port is", port(config))

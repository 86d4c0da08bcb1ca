print("pkg.sub.deep: init", __name__, __package__)
DEPTH = 3

from . import util
from .util import helper as h
from .core import engine
print("app:", util.__name__, h(), engine.run())

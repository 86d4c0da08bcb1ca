import app
import app.core.star
print(app.util.helper(), app.h())
try:
    from . import sibling
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .app import util
except ImportError as e:
    print(type(e).__name__, e)
from app.core import *
print(KIND, engine.__name__)

# sys struct sequences: version_info, float_info, int_info, hash_info, flags, thread_info; sys.implementation; encodings.
import sys
vi = sys.version_info
print(vi, type(vi).__name__, type(vi).__module__, type(vi))
print(vi[:2], vi[0], vi.major, vi.minor, vi.releaselevel, len(vi), list(vi), tuple(vi) == vi, vi > (3, 10), vi < (4,))
print(isinstance(vi, tuple), hash(vi) == hash(tuple(vi)), vi.n_fields, vi.n_sequence_fields, vi.n_unnamed_fields)
print(sys.float_info)
print(sys.int_info)
print(sys.hash_info)
print(sys.flags.optimize, sys.flags.dev_mode, sys.flags.int_max_str_digits, len(sys.flags), type(sys.flags).__name__)
print(sys.thread_info.name, len(sys.thread_info))
print(sys.implementation.name, sys.implementation.cache_tag, sys.implementation.version == vi, sys.implementation.hexversion == sys.hexversion)
print(sys.getdefaultencoding(), sys.stdout.encoding, sys.stderr.encoding, sys.stdin is sys.__stdin__)
try:
    vi.major = 4
except AttributeError as e:
    print("AttributeError")
a, b, *rest = vi
print(a, b, rest, vi.index(11), vi.count(3), 11 in vi)

# User-defined exceptions: custom __init__/__str__, extra attributes, hierarchies, args handling.
class AppError(Exception):
    """Base for this app."""

class ValidationError(AppError):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem

class RetryError(AppError):
    def __init__(self, attempts):
        self.attempts = attempts
    def __str__(self):
        return f"gave up after {self.attempts} attempts"

class Quiet(Exception):
    pass

def validate(user):
    if "name" not in user:
        raise ValidationError("name", "missing")
    if len(user["name"]) < 2:
        raise ValidationError("name", "too short")
    return "valid"

for u in [{}, {"name": "a"}, {"name": "bob"}]:
    try:
        print(validate(u))
    except ValidationError as e:
        print("invalid:", e, "|", e.field, "|", e.problem, "|", e.args, "|", repr(e))

try:
    raise RetryError(3)
except AppError as e:
    print(e, e.args, repr(e), isinstance(e, Exception), e.attempts)

print(repr(Quiet()), repr(Quiet(1, 2)), str(Quiet("msg")), Quiet.__doc__, AppError.__doc__)
e = Quiet("a")
e.args = ("replaced",)
print(e, e.args)
e.extra = {"k": 1}
print(e.extra, vars(e))

class WithNotes(Exception):
    pass
try:
    err = WithNotes("base")
    err.add_note("first note")
    err.add_note("second note")
    raise err
except WithNotes as w:
    print(w, w.__notes__)
try:
    raise AppError
except AppError as a:
    print(repr(a), a.args)

# Uncaught custom exception class with several args and a custom __str__, raised from a method three frames deep.
class ValidationError(Exception):
    def __init__(self, field, value, reason):
        super().__init__(field, value, reason)
        self.field = field

    def __str__(self):
        field, value, reason = self.args
        return f"{field}={value!r}: {reason}"

class Form:
    def __init__(self, **fields):
        self.fields = fields

    def check_age(self):
        age = self.fields["age"]
        if not 0 <= age < 150:
            raise ValidationError("age", age, "out of range")

    def validate(self):
        self.check_age()
        return True

print(Form(age=30).validate())
Form(age=-4).validate()

# Uncaught AttributeError on a user object with a near-miss attribute name: "Did you mean" suggestion in the traceback.
class Inventory:
    def __init__(self):
        self.quantities = {"bolts": 10}

    def count(self, item):
        return self.quantites.get(item, 0)

inv = Inventory()
print("created inventory with", list(inv.quantities))
print(inv.count("bolts"))

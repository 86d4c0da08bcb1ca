def helper():
    return {}["missing"]


helper()

queue = iter(["job1", "job2"])
print(next(queue))
print(next(queue))
print(next(queue))

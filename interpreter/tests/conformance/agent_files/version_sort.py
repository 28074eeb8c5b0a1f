files = ["release-1.10.0.tar", "release-1.2.0.tar", "release-1.9.3.tar", "release-2.0.0-rc1.tar", "release-1.10.1.tar"]
def key(name):
    version = name[len("release-"):-len(".tar")]
    core, _, pre = version.partition("-")
    nums = tuple(int(x) for x in core.split("."))
    return nums, pre == "", pre
for f in sorted(files, key=key):
    print(f)
print("latest stable:", max((f for f in files if "-rc" not in f), key=key))

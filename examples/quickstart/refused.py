import os
secret = open("/etc/shadow").read()
print(secret.__class__)

text = """first line
  second line
third"""
print(text)
print(len(text.splitlines()))
print("implicit " "concatenation " 'works')
s = ("a"
     "b")
print(s)

path = r"C:\Users\ana\new_folder"
print(path, len(path), path.split("\\"))
pattern = r"\d+\.\d+"
print(pattern, len(pattern))
print("col1\tcol2\nval1\tval2")
print("quote: \"x\" and 'y' and \\ backslash")
print("unicode: \u00e9 \N{BULLET} \x41")

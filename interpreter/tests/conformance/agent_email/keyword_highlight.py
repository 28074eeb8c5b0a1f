body = "Please review the contract and sign the contract by Friday."
keyword = "contract"
out = []
i = 0
while True:
    j = body.find(keyword, i)
    if j == -1:
        out.append(body[i:])
        break
    out.append(body[i:j])
    out.append("[" + body[j:j + len(keyword)].upper() + "]")
    i = j + len(keyword)
print("".join(out))
print("hits:", body.count(keyword))

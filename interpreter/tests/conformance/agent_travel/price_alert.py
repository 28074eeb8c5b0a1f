watch = {"SFO-NRT": 850, "SFO-LHR": 700, "SFO-MEX": 300}
history = {"SFO-NRT": [1020, 980, 910, 845], "SFO-LHR": [690, 720, 760], "SFO-MEX": [340, 335, 350]}
for route, target in watch.items():
    prices = history[route]
    latest = prices[-1]
    trend = prices[-1] - prices[0]
    alert = latest <= target
    print("%s latest %4d target %4d trend %+4d %s" % (route, latest, target, trend, "ALERT" if alert else ""))

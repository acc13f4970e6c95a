print("drillsim")

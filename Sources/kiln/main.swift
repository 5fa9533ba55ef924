import ArgumentParser

Kiln.main()

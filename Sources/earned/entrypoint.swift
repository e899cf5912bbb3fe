import EarnedWeb

await Entrypoint.main()

from committee_papers.cli import main

main()

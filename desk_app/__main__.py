import sys

from desk_app.cli import main

sys.exit(main())

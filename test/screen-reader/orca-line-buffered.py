# Runs Orca (/usr/bin/orca, unchanged) with its debug log written line by line.
# Orca opens that file block-buffered, so what it speaks would reach the test seconds
# late; setting the log up here, before Orca's own start-up, makes every line arrive
# as it is spoken. Usage: orca-line-buffered.py <debug file> <orca arguments>…
import runpy
import sys

from orca import debug

# LEVEL_INFO is where Orca logs the text it sends to speech; finer levels only slow it down.
debug.debugLevel = debug.LEVEL_INFO
debug.eventDebugLevel = debug.LEVEL_OFF
debug.debugFile = open(sys.argv[1], 'w', buffering=1, encoding='utf-8')

sys.argv = ['orca', *sys.argv[2:]]
runpy.run_path('/usr/bin/orca', run_name='__main__')

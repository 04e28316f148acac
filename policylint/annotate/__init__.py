"""`policylint annotate`: a reviewed copy of a Word or OpenDocument file, with each finding
as a review comment on the words it flags and a summary comment at the top.

command.py plans the copies and writes them from a run's findings; notes.py says what each
comment says and where; word.py and opendocument.py write them into the package's XML
(package.py copies every other part); its words are in the message catalogue (messages/).
"""

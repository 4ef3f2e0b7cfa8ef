"""Function words, shared by the cleaner's line features (``clean/features.py``) and the shingle
weights (``sketch/weights.py``). A module of its own: the sketch stage needs the words without
importing the cleaner."""

from __future__ import annotations

# Function words of a few languages. Prose is full of them, navigation and headline lists are
# not. The lists are short on purpose: only the most frequent words, which carry the signal.
_STOPWORDS_TEXT = """
a about after all also an and any are as at be because been but by can could did do does for
from had has have he her his how i if in into is it its just more most my no not of on one or
our out over said she so some than that the their them then there these they this to up was
we were what when which who will with would you your
de la le les des du un une et en est que qui dans pour pas sur au avec ce il elle par plus
el los las y del se por con para una su al lo como más pero sus le ya o este sí porque esta
o os as do da dos das em no na um uma com não mais ao ele ela seu sua ou quando muito nos
der die das und ist den dem nicht ein eine zu mit sich auf für von auch es an werden aus
il di che e è per non una sono della con ma si come anche del gli
yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada orang kita
и в не на что с как это по но он она они из за от у же к так для
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORDS_TEXT.split())

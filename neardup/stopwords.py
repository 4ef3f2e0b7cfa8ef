"""Function words, shared by the cleaner's line features (``clean/features.py``) and the shingle
weights (``sketch/weights.py``). A module of its own: the sketch stage needs the words without
importing the cleaner."""

from __future__ import annotations

# Function words of a few languages. Prose is full of them, navigation and headline lists are
# not. The lists are short on purpose: only the most frequent words, which carry the signal.
_ENGLISH_TEXT = """
a about after all also an and any are as at be because been but by can could did do does for
from had has have he her his how i if in into is it its just more most my no not of on one or
our out over said she so some than that the their them then there these they this to up was
we were what when which who will with would you your
"""
ENGLISH_STOPWORDS: frozenset[str] = frozenset(_ENGLISH_TEXT.split())
_STOPWORDS_TEXT = _ENGLISH_TEXT + """
de la le les des du un une et en est que qui dans pour pas sur au avec ce il elle par plus
el los las y del se por con para una su al lo como más pero sus le ya o este sí porque esta
o os as do da dos das em no na um uma com não mais ao ele ela seu sua ou quando muito nos
der die das und ist den dem nicht ein eine zu mit sich auf für von auch es an werden aus
il di che e è per non una sono della con ma si come anche del gli
yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada orang kita
и в не на что с как это по но он она они из за от у же к так для
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORDS_TEXT.split())

# More function words, of more languages, for the prose weights of shingles only
# (``sketch/weights.py``): a language the list covers thinly weighed its prose like a menu
# (Polish and Indonesian articles at 8-14 % of listed words: a brief of 100 words inside a
# longer page fell under ``min_containment_shingles`` and was never found inside it). The
# cleaner keeps ``STOPWORDS``: its line classes are calibrated on that list (with these, Polish
# paragraphs of 11 % function words failed its prose test: a probe page lost 14 % of its words).
# Words that are also common English words or abbreviations ("met", "van", "care", "med",
# "till", "IA", "PE") are left out: on the Webis pages one "za" (Z-A) moved a pair of one
# site's pages across containment 0.8.
_MORE_PROSE_STOPWORDS_TEXT = """
adalah oleh telah sudah bahwa saat mereka dia atau bisa lebih bagi sebagai hingga namun
masih belum secara seperti tersebut para sejak kami jika agar lalu yakni serta
был была были было его ее её их при о об после до во со все всё чтобы если уже или бы только
еще ещё который которые которая которого также году где когда чем
het een en voor zijn niet aan ook als bij maar naar nog uit dat heeft hebben werd worden
deze zou geen meer haar hij zij wij
się nie że jest jak ale od tak jego przez dla już czy być który które która tym oraz
ze także tylko może jednak był była było są ich jej
și în cu că din nu este mai pentru sunt ale fost iar acest această după
och att det som på är för har inte ett sig hon från vid
og af ikke der være blev også efter
"""
PROSE_STOPWORDS: frozenset[str] = STOPWORDS | frozenset(_MORE_PROSE_STOPWORDS_TEXT.split())

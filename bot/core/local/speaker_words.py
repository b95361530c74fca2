"""The vocabulary of speakers: pronouns, determiners, titles, organisation nouns, speaker nouns.

Broad, factual English word lists (no names of people or organisations), shared by the speaker
grammar (`speakers`), the clause grammar (`clauses`) and speaker resolution (`speaker_registry`).
"""

from __future__ import annotations

PRONOUNS = {"he": "m", "she": "f", "it": "n", "they": "p"}
NUMBERS = "one two three four five six seven eight nine ten several some many few dozen"
DETERMINERS = frozenset(
    f"a an the this that these those my our his her their its another other both {NUMBERS}".split()
)
DEFINITE = frozenset("the this that these those".split())
PARTICLES = frozenset(
    "van von de da do dos das del della di du la le bin ibn al el ter den der zu y e st".split()
)
CONNECTORS = frozenset("of the for and on de in".split())
TITLE_WORDS = frozenset(
    """president vice prime minister deputy secretary under assistant undersecretary chief cabinet general gen
    lieutenant lt colonel col major maj captain capt admiral adm rear commander cmdr commodore brigadier brig
    sergeant sgt corporal cpl marshal hauptmann oberst senior junior ambassador envoy special spokesperson
    spokesman spokeswoman director head chair chairman chairwoman ceo cto cfo coo executive officer senator sen
    representative rep congressman congresswoman governor gov mayor dr prof professor mr mrs ms miss sir dame
    lord lady king queen prince princess sheikh emir chancellor premier acting retired former ret retd expert
    analyst researcher fellow inspector consultant economist engineer adviser advisor counsellor counselor
    attorney judge justice leader founder co-founder partner manager coordinator commissioner
    secretary-general director-general mp mep lawmaker pilot commanding vice-president vice-admiral
    lieutenant-general major-general rear-admiral air-marshal shri smt sri shrimati hon honourable
    ing mgr bc phdr judr mudr rndr dipl""".split()
)
ORG_WORDS = frozenset(
    """ministry department dept agency command office staff navy army forces force corps guard council
    committee commission administration service services bureau company corporation corp inc ltd llc co plc
    ag gmbh group institute institution centre center embassy mission government treasury pentagon kremlin
    parliament congress senate assembly authority authorities organisation organization industries systems
    aerospace bank union association federation court board foundation university academy observatory
    laboratory directorate presidency secretariat headquarters forum initiative alliance coalition party
    movement brigade battalion regiment division fleet squadron police network technologies technology
    research security dynamics energy airlines""".split()
)
# Capitalised words that name offices, fields and places of work, never a given name or surname.
GENERIC_CAPS = frozenset(
    """defence defense national foreign interior finance state affairs intelligence financial terrorism
    health economy trade commerce industry strategic studies policy international public federal central
    joint royal republic democratic people's armed air naval maritime space cyber information science
    development planning operations procurement assets control homeland internal external relations
    economic military defence's strategy""".split()
)
FUNCTION_WORDS = frozenset(
    "by at with from to as after before via according per under over says said a an but and so yet then now "
    "when while if however meanwhile yesterday today also still".split()
)
NON_NAME = TITLE_WORDS | ORG_WORDS | GENERIC_CAPS | CONNECTORS | FUNCTION_WORDS
SPEAKER_NOUNS = frozenset(
    """official source spokesperson spokesman spokeswoman spokespeople diplomat analyst expert minister
    secretary officer commander general colonel admiral researcher people person member manager executive
    aide adviser advisor lawmaker legislator negotiator envoy ambassador president chairman chairwoman
    director chief engineer scientist resident witness pilot soldier mayor governor insider investigator
    observer critic economist lieutenant captain predecessor successor colleague counterpart representative
    staffer employee worker academic professor strategist planner inspector veteran fellow delegate
    consultant banker trader founder co-founder operator specialist commentator activist lawyer attorney
    judge prosecutor sergeant sailor politician senator congressman mp brigadier marshal""".split()
)
ORG_HEADS = frozenset(
    """ministry department agency navy army military government command company firm embassy office
    committee council administration service bureau authority regime kremlin pentagon contractor
    manufacturer maker group institute""".split()
)
QUANTIFIERS = frozenset(
    "others some many most few several both all each either neither none everyone everybody someone somebody "
    "nobody anyone anybody this that these those critics supporters opponents we i you us".split()
)

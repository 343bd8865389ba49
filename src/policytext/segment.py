"""Text -> recommendations: the author's own asks, with exact spans.

The segmenter is rule based (no model). For every sentence from
:func:`policytext.text.sentence_spans` it finds *cues* (deontic modals, "it is time to",
"the answer is to", "I urge X to", "there is a strong case for", list imperatives, ...),
splits the sentence into one clause per cue, finds each clause's subject, and then applies
*trap filters* (reported speech, questions, conditionals, counterfactuals, moral
exhortations, evaluative "this should ..." sentences, list headers, quotations, web
boilerplate). What survives is returned as :class:`Recommendation` objects. See
``docs/segmentation.md`` for the rules and the confidence score.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence

import attrs

from policytext.errors import EmptyTextError, InputError
from policytext.text import (
    BASE_VERBS,
    NECESSITY_ADJECTIVES,
    Sentence,
    invisible_as_spaces,
    sentence_spans,
)

__all__ = ["Force", "Polarity", "Recommendation", "segment"]


def _wordset(words: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words in ``words``."""
    return frozenset(words.split())


class Force(str, enum.Enum):  # noqa: UP042 - the contract keeps the str mixin
    """Deontic force of an ask."""

    MUST = "must"
    SHOULD = "should"
    COULD = "could"


class Polarity(str, enum.Enum):  # noqa: UP042 - the contract keeps the str mixin
    """Whether the ask is to do something or to stop/refrain from doing it."""

    DO = "do"
    STOP = "stop"


def _check_span(instance: Recommendation, attribute: attrs.Attribute[int], value: int) -> None:
    if instance.start < 0 or instance.end < instance.start:
        raise ValueError(f"invalid span {instance.start}:{instance.end}")
    if instance.end - instance.start != len(instance.text):
        raise ValueError("span length does not match text length")


@attrs.frozen
class Recommendation:
    """One ask made by the author.

    Attributes:
        text: the minimal span stating the ask; ``source[start:end] == text``.
        start: offset of the first character in the caller's original string.
        end: offset one past the last character.
        paragraph: 0-based index of the paragraph holding the ask.
        actor: who should act ("UK government", "Ofcom", "the Labour Party", ...).
        action: a short normalised statement of what to do.
        cue: the words that marked the span as an ask ("we need to", "should", ...).
        force: must / should / could.
        polarity: do, or stop doing.
        confidence: how sure the segmenter is that this is an ask, in [0, 1].
        restates: index (into the same result) of an earlier ask this one restates or makes
            concrete, or None.
    """

    text: str
    start: int
    end: int = attrs.field(validator=_check_span)
    paragraph: int = 0
    actor: str = ""
    action: str = ""
    cue: str = ""
    force: Force = Force.SHOULD
    polarity: Polarity = Polarity.DO
    confidence: float = 1.0
    restates: int | None = None


# =============================================================================================
# Lexicons and patterns (all compiled at import time)

_I = re.IGNORECASE
_APOS = "['’]"

# --- cues --------------------------------------------------------------------------------------
# Deontic modals. Group "neg" marks negation; "kind" is used for the force.
_MODAL_RE = re.compile(
    rf"""\b(?P<modal>
        (?P<should>should|ought{_APOS}?n?{_APOS}?t?\s+to|ought\s+to
           |would\s+(?:be\s+(?:wise|well\s+advised)|do\s+well)\s+to)
        |(?P<must>must|need(?:s)?\s+to|(?:has|have|{_APOS}ve)\s+(?:got\s+)?to
           |(?<!\bhave\s)(?<!\bhas\s)had\s+better
             (?!\s+(?:news|results|luck|days|times|ideas|chances|odds|value|terms|off|than)\b))
        |(?P<could>could)
      )(?P<nt>n{_APOS}t)?(?P<neg>\s+not\b|\s+never\b|\s+no\s+longer\b)?
      (?P<aside>\s*,\s+(?![\s]|(?:and|or|but|nor)\b)[^,;:.!?()]{{1,40}}?,)?  # "should, at least,"
      (?=\s)""",
    _I | re.X,
)
# cues that do not hang on a subject + modal
_TIME_RE = re.compile(
    rf"\b(?:it\s*(?:is|{_APOS}s|was)\s+(?:(?:high|now|also|surely|long\s+past|past|about)\s+)*time"
    r"|now\s+is\s+the\s+(?:time|moment)|the\s+(?:time|moment)\s+has\s+come)"
    r"(?:\s+for\s+(?P<actor>[^,;:.!?]{1,60}?))?\s+to\s+(?=\w)",
    _I,
)
# "it's high time ministers grasped the nettle": time + subject + past-tense verb
_TIME_PAST_RE = re.compile(
    rf"\bit\s*(?:is|{_APOS}s)\s+(?:(?:high|now|also|surely|long\s+past|past|about)\s+)*time\s+"
    r"(?:that\s+)?(?P<actor>[A-Za-z][^,;:.!?]{0,50}?)\s+(?=(?:[a-z]+ed|took|made|gave|began|"
    r"did|got|set|put|cut|found|paid|held|brought|woke|came|went|thought|saw|stood|spoke|"
    r"told|sold|built|let|shut|faced|chose|drew|grew|knew|understood|stopped|wrote|kept|left|"
    r"spent|sent|sought|dealt|ran|struck|threw|fought|rethought|bit)\b)",
    _I,
)
_ONUS_RE = re.compile(
    r"\b(?:the\s+)?(?:onus|burden|responsibility|ball)\s+(?:is|now\s+lies|lies|rests)\s+"
    r"(?:now\s+|firmly\s+|squarely\s+)?(?:on|with|in)\s+(?P<actor>[^,;:.!?]{1,60}?)"
    r"(?:['’]s\s+court)?\s+to\s+(?=\w)",
    _I,
)
# "it falls to the Chancellor to find the money"; "the least ministers can do is publish it"
_FALLS_TO_RE = re.compile(
    r"\bit\s+(?:now\s+|therefore\s+|surely\s+)?falls\s+to\s+(?P<actor>[^,;:.!?]{1,60}?)"
    r"\s+to\s+(?=\w)",
    _I,
)
_HABITUAL_RE = re.compile(r"\b(?:too\s+)?(?:often|usually|always|routinely|increasingly)\b", _I)
_LEAST_RE = re.compile(
    r"\bthe\s+(?:very\s+)?least\s+(?P<actor>[^,;:.!?]{1,50}?)\s+(?:can|could|should|must)"
    r"\s+do\s+(?:now\s+)?is\s+(?:to\s+)?(?=\w)",
    _I,
)
# "The case for a national banding framework is overwhelming": the author's case for it
_CASE_IS_RE = re.compile(
    r"^the\s+case\s+for\s+(?=.*?\bis\s+(?:now\s+|surely\s+|simply\s+)?(?:overwhelming"
    r"|compelling|unanswerable|irresistible|clear|strong|powerful|urgent)\b)",
    _I,
)
_BE_TO_RE = re.compile(
    r"\b(?:(?:would|should|must|will|could|might)\s+(?:surely\s+|also\s+|therefore\s+)?be"
    r"|(?:is|was|remains)(?=\s+to\s))\s+to\s+(?=[a-z])",
    _I,
)
_BE_TO_HEADS_RE = re.compile(
    r"\b(?:answer|solution|priority|priorities|remedy|response|fix|step|steps|task|goal|aim"
    r"|way\s+forward|way|course|option|approach|move|thing|challenge|job|statement|signal"
    r"|message|test|objective|ambition|imperative|lesson|starting\s+point|policy|advice|ask|plea"
    r"|recommendation|request)\b[^,;:]{0,30}$",
    _I,
)
# Someone else's answer or priority: "her advice", "Labour's answer", "the government's aim"
_OTHERS_RE = re.compile(rf"(?:\b(?:her|his|their|its)|{_APOS}s)\s+(?:[\w-]+\s+){{0,2}}$", _I)
# "my advice to the Secretary of State is to ...": the head names who should act
_HEAD_ACTOR_RE = re.compile(
    r"\b(?:advice|ask|plea|request|message|recommendation)\s+(?:to|of|for)\s+"
    r"(?P<actor>[^,;:.!?]{1,50}?)\s*$",
    _I,
)
# "the answer is for the Department for Education to consult ...": a be-to cue naming its actor
_BE_FOR_TO_RE = re.compile(
    r"\b(?:is|would\s+be|must\s+be|should\s+be)\s+for\s+(?P<actor>[^,;:.!?]{1,60}?)\s+to\s+"
    r"(?!be\b)(?=[a-z])",
    _I,
)
# heads that announce the author's own remedy (not "policy", "priority" or "test", which
# also describe what others do: "the government's policy is for migrants to be removed")
_BE_FOR_HEADS_RE = re.compile(
    r"\b(?:answer|solution|remedy|fix|way\s+forward|next\s+step|(?:right|best|only|sensible"
    r"|wise|wiser|better|obvious|fair|honest)\s+(?:course|thing|way|approach|answer))\b"
    r"[^,;:]{0,20}$",
    _I,
)
_HEAD_DET_RE = re.compile(r"\b(?:the|an?|our|my|one|the\s+only|the\s+best)\s+$", _I)
# the noun phrase a be-to head ends: "The obvious next step", "an important step now"
_HEAD_NP_RE = re.compile(r"\b(?:the|an?|our|my|one)\s+(?:[\w’'-]+\s+){0,3}$", _I)
_URGE_RE = re.compile(
    rf"\b(?P<who>I|we)(?:\s+am|\s+are|{_APOS}m|{_APOS}re)?\s+"
    r"(?:would\s+|therefore\s+|strongly\s+|also\s+|now\s+|again\s+|once\s+again\s+)*"
    r"(?P<verb>urg(?:e|ing)|call(?:ing)?\s+(?:on|upon)|implor(?:e|ing)|encourag(?:e|ing)|ask(?:ing)?"
    r"|appeal(?:ing)?\s+to|challeng(?:e|ing)|beg(?:ging)?|invit(?:e|ing)|press(?:ing)?)"
    r"\s+(?P<actor>(?!(?:ahead|on|forward|back)\b)[^,;:.!?]{1,80}?)\s+to\s+(?=\w)",
    _I,
)
_SEE_RE = re.compile(
    rf"\b(?P<who>I|we)(?:\s+would|{_APOS}d)?\s+(?:like|want|wish|hope)\s+to\s+see\s+"
    r"(?P<actor>(?!(?:is|are|was|were|in|instead|next|first|now|from|on|at)\b)[^,;:.!?]{1,60}?)"
    r"\s+(?P<verb>[a-z]+)\b",
    _I,
)
# "I would like ministers to think again", "we want the Treasury to scrap the cap"; not
# "I want readers to understand ..." (the reader is not an actor, understanding not an act)
_WANT_RE = re.compile(
    rf"\b(?P<who>I|we)(?:\s+would|{_APOS}d|\s+really|\s+also)*\s+(?:like|want)\s+"
    r"(?P<actor>(?!(?:to|you|readers?|people|everyone|everybody|us|them|it|this|that|more|a)\b)"
    r"[^,;:.!?]{1,60}?)\s+to\s+(?!(?:know|understand|remember|see|think|imagine|consider|read"
    r"|hear|feel|be\s+aware|take\s+away)\b)(?=\w)",
    _I,
)
# plural common nouns that name bodies able to act ("If cities want the money, they should")
_COLLECTIVE_ACTORS = (
    r"(?:councils|cities|states|provinces|schools|universities|colleges|employers|platforms"
    r"|regulators|landlords|hospitals|trusts|providers|insurers|banks|lenders|firms|companies"
    r"|governments|departments|agencies|authorities|lawmakers|legislators|governors|mayors"
    r"|utilities|suppliers|retailers|developers|builders|operators|manufacturers|unions"
    r"|charities|water\s+companies|local\s+authorities|police\s+forces|health\s+boards"
    r"|[Mm]ember\s+(?:states|countries)|capitals|allies)\b"
)
_COLLECTIVE_ACTOR_RE = re.compile(_COLLECTIVE_ACTORS, re.IGNORECASE)
# "we need the Weil commission to report": an actor that can act (a name or a body), not
# "we need the money to build homes" (a means, which the need-NP rule reads)
_NEED_ACTOR_RE = re.compile(
    r"\b(?P<who>I|[Ww]e)\s+(?:also\s+|now\s+|urgently\s+|badly\s+|still\s+)?need\s+"
    r"(?P<actor>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Za-z][\w’'-]*){0,3}?"
    r"|ministers|(?:the\s+)?government|(?:every\s+|all\s+)?" + _COLLECTIVE_ACTORS + r")"
    r"\s+to\s+(?=[a-z])",
)
_VITAL_RE = re.compile(
    rf"\bit\s*(?:is|{_APOS}s)\s+(?:now\s+|therefore\s+|surely\s+|also\s+|absolutely\s+)?"
    rf"(?:{NECESSITY_ADJECTIVES})\s+(?:that|for)\s+(?=\w)",
    _I,
)
_CALLFOR_RE = re.compile(
    r"\b(?P<who>I|we)\s+(?:would\s+|therefore\s+|strongly\s+|also\s+)*"
    r"(?:call\s+for|propose|recommend|advocate|suggest)\s+(?=\w)",
    _I,
)
_CASE_RE = re.compile(
    rf"\bthere\s*(?:is|{_APOS}s|remains)\s+(?:now\s+|also\s+|surely\s+)?(?:a|an)\s+"
    r"(?:(?:very\s+)?(?:strong|compelling|clear|good|powerful|overwhelming|urgent|pressing|real"
    r"|unanswerable|convincing|serious|obvious|persuasive|moral|economic|strategic|growing)"
    r"(?:\s+and\s+|,\s*|\s+))+(?:case|need|argument|imperative)\s+(?:for|to)\s+(?=\w)",
    _I,
)
# "let us" asks, but not its discourse uses ("let us be honest", "let us start with the money")
# "Let the Union take the principal", "In the end, let the settlement stand": an imperative
# "let" opening a clause, then what acts or is left alone, then a bare verb (checked against
# BASE_VERBS in _find_hits); not "let us / let's" (_LET_RE), "let it be", "let alone"
_LET_DETERMINERS = r"the|a|an|every|each|this|that|these|those|our"
_LET_NP_RE = re.compile(
    rf"(?:^|(?<=[,;:–—]\s))[Ll]et\s+(?P<np>(?:{_LET_DETERMINERS}|[A-Z][\w’'-]*)\b"
    r"(?:\s+[\w’'-]+){0,5})",
)
_LET_DETERMINER_RE = re.compile(rf"^(?:{_LET_DETERMINERS})\s+")
_LET_RE = re.compile(
    rf"(?:^|(?<=[\s,;:–—]))let(?:{_APOS}s|\s+us)\s+(?!(?:(?:also|now|first)\s+)?(?:"
    r"be\s+(?:honest|clear|frank|realistic|plain|fair)|face\s+it|not\s+forget|hope|pray"
    r"|(?:not\s+)?pretend|not\s+kid|kid\s+ourselves|not\s+be\s+(?:naive|fooled|distracted)"
    r"|imagine|suppose|assume|say|not\s+mince"
    r"|recall|remember"
    # a lead-in that names a topic and stops: "let us start with the money"
    r"|(?:start|begin|turn|return|come|move)\s+(?:now\s+)?(?:with|to|on)\s+[^,;:.!?]{0,40}\w"
    r"(?=[.!]?\s*$)"
    r"|look\s+at\s+(?:the\s+)?(?:evidence|numbers|figures|facts|record|history))\b)",
    _I,
)
_WHATNEED_RE = re.compile(
    rf"\bwhat\s+(?:(?:I|we)(?:\s+would|{_APOS}d)?\s+(?:like|want|wish|hope)\s+to\s+see"
    r"(?:\s+(?:next|instead|first|now|(?:in|from|on|at)\s+(?:the\s+|this\s+|next\s+)?"
    r"[\w’'-]+(?:\s+[\w’'-]+)?))?"
    r"|(?:we|Britain|America|Europe|(?:the|this|our)(?:\s+[\w’'-]+){1,3}?)\s+"
    r"(?:now\s+|really\s+|urgently\s+)?needs?|is\s+(?:now\s+|really\s+|urgently\s+)?"
    r"(?:needed|required))\s+(?:now\s+)?is\s+"
    r"(?!(?:unclear|clear|obvious|simple|uncertain|debatable|disputed|open|a\s+matter)\b)(?=\w)",
    _I,
)
# "Under no circumstances should ministers raise the cap", "Never again must a government
# ...": a negative adverbial puts the modal before its subject
_INVERTED_NEGATIVE_RE = re.compile(
    r"^(?:(?:under|in)\s+no\s+circumstances|on\s+no\s+account|at\s+no\s+(?:point|stage|time)"
    r"|never\s+again|never)\s*,?\s+(?P<modal>should|must|shall)\s+(?=\w)",
    _I,
)
# "What the Treasury must do now is (simple:) publish the plan": a pseudo-cleft ask
_WHATDO_RE = re.compile(
    r"^what\s+(?P<actor>(?!(?:I|you|it|they)\b)[\w’'-]+(?:\s+[\w’'-]+){0,4}?)\s+"
    r"(?:should|must|needs?\s+to|ought\s+to|has\s+to|have\s+to|could)\s+(?P<neg>not\s+|never\s+)?do\s+"
    r"(?:now\s+|next\s+|first\s+|instead\s+|today\s+)?is\s+(?:simple:\s+|this:\s+|to\s+)?(?=\w)",
    _I,
)
_MEANS_RE = re.compile(
    r"^(?:(?:in\s+practice|in\s+short|concretely|specifically|practically|in\s+other\s+words"
    r"|above\s+all|for\s+a\s+start|to\s+start\s+with|first(?:ly)?|second(?:ly)?),?\s+)?"
    rf"(?:that|this|which|doing\s+so|it)(?:{_APOS}s|\s+(?:will|would|should|must)\s+)?\s*"
    r"(?:means|mean|requires|require|involves|involve|entails|entail|starts\s+with|begins\s+with)"
    r"\s+(?=\w)",
    _I,
)
_NEED_NP_RE = re.compile(
    r"\b(?P<subj>we|Britain|the\s+UK|the\s+country|the\s+government|ministers|this\s+country"
    r"|the\s+NHS|Europe|America)\s+(?:now\s+|also\s+|urgently\s+|badly\s+|desperately\s+|still\s+)?"
    r"needs?\s+(?=(?:a|an|more|better|new|proper|real|urgent|serious|clear|greater|fewer|less"
    r"|stronger|far|much|some|the|to\s+see)\b)",
    _I,
)
# clause-initial subject + "need(s) far more / a new / better ...": an implicit ask of government
_NEED_NP_ANY_RE = re.compile(
    r"(?:^|(?<=[,;:–—]\s)|(?<=\band\s)|(?<=\bbut\s))(?P<subj>(?:the\s+)?[A-Za-z][\w’'-]*"
    r"(?:\s+[a-z][\w’'-]*){0,2}?)\s+(?:now\s+|also\s+|urgently\s+|badly\s+|desperately\s+|"
    r"still\s+)?needs?\s+(?=(?:far\s+|much\s+|many\s+)?(?:more|better|proper|urgent|greater|"
    r"stronger|a\s+(?:new|proper|real|clear|serious|long-term|credible|fully|properly|national)|"
    r"an\s+(?:urgent|independent|honest))\b)",
    _I,
)

# --- traps -------------------------------------------------------------------------------------
_REPORT_RE = re.compile(
    r"\b(?:says?|said|saying|insist(?:s|ed|ing)?|argue[sd]?|arguing|claim(?:s|ed|ing)?|"
    r"warn(?:s|ed|ing)?|stated|(?<!united\s)(?<!member\s)states|told|tells?|"
    r"announce[sd]?|urge[sd]|urging|"
    r"call(?:s|ed|ing)\s+for|want(?:s|ed)|demand(?:s|ed|ing)?|suggest(?:s|ed)|"
    r"recommend(?:s|ed)|propose[sd]|thinks|thought|agree[sd]|accept(?:s|ed)|"
    r"concede[sd]|maintain(?:s|ed)|contend(?:s|ed)|according\s+to|knows|knew|know|"
    r"recognise[sd]|recognize[sd]|acknowledge[sd]|admit(?:s|ted)|believes|believed|"
    r"hopes|hoped|fears|feared|wrote|writes|declared?|pledged?|promised?|vowed?|"
    r"reckons?|feels|felt|assert(?:s|ed)|reminded|explained|noted|added|"
    r"ha(?:s|ve)\s+made\s+clear|made\s+clear|making\s+clear|is\s+clear|are\s+clear|"
    # a third party's line: "The industry's slogan is that the rules must be ..."
    r"(?:position|view|line|slogan|mantra|motto|refrain|message|argument|pitch)\s+(?:is|was)"
    # "The May executive order set the goal in one line: Americans should pay ..."
    r"|(?:set|sets|put|puts|laid|lays)\s+(?:out\s+)?(?:the|its|their|his|her|a)\s+"
    r"(?:goal|aim|target|ambition|principle|test|promise|pledge))\b",
    _I,
)
_FIRST_PERSON_FRAME_RE = re.compile(
    rf"(?:^|[\s,;:–—(])(?:I|we)(?:{_APOS}(?:ve|d|m))?(?:\s+(?:have|would|do|also|firmly|strongly|"
    r"still|long|always|really|too|all|now|genuinely|truly|certainly|therefore|personally))*\s*$",
    _I,
)
_OWN_FRAME_RE = re.compile(r"\b(?:my|our)\s+$", _I)
_AS_FRAME_RE = re.compile(r"(?:^|[\s,;])as\s+[^,]{0,60}$", _I)
_CONDITIONAL_BEFORE_RE = re.compile(
    rf"\b(?:if|unless|whether|once|until|lest|in\s+case|even\s+if|so\s+that|why|how|what"
    rf"|when|where|who|which|whoever|whatever|wherever|nor|than|as\s+though|as\s+if"
    rf"|don{_APOS}t|doesn{_APOS}t|didn{_APOS}t|no|the|any|without|will|would|shall|might|may"
    rf"|to|won{_APOS}t|wouldn{_APOS}t|had|the\s+need|a\s+need|no\s+need)\s*$",
    _I,
)
_INVERTED_RE = re.compile(r"^\s*(?:should|must|ought|need|could|have|has)\b", _I)
_QUESTION_END_RE = re.compile(r"\?[\"'”’)\]]*\s*$")
_PERFECT_RE = re.compile(
    r"^\s*(?:not\s+|never\s+|already\s+|also\s+)?have\s+(?:been\s+)?(?:\w+(?:ed|en|t|wn|ne)\b"
    # irregular participles that double as adjectives ("paid sick leave") count only before
    # an object, a particle or the end of the clause
    r"|(?:paid|made|said|had|laid|sold|told|held|found|led|fed|met|put|set|cut|let|run|won"
    r"|done|begun|become|come|shut|spread|read)(?=\s*(?:$|[.,;:!?)]|\s(?:for|the|a|an|it|them"
    r"|this|that|these|those|its|their|his|her|our|out|up|back|to|in|on|by|off|down|so)\b)))",
    _I,
)
_EMOTIVE_RE = re.compile(
    r"^\s*(?:(?:not|also|surely|really|all|certainly|therefore|deeply|profoundly|seriously|"
    r"never)\s+)*(?:worry|worries|concern|trouble|alarm|shame|appal|appall|outrage|anger|"
    r"frighten|scare|horrify|disturb|embarrass|sadden|shock|terrify|anger|dismay|give\s+\w+\s+pause|"
    r"give\s+pause|make\s+(?:us|everyone|everybody|all\s+of\s+us|you|them|people)\s+"
    r"(?:all\s+)?(?:think|pause|angry|uneasy|uncomfortable|wonder|shudder|furious|ashamed)|"
    r"remember|never\s+forget|not\s+forget|forget|"
    # "stop complaining", "has to stop apologising": a reproach, not a policy ask
    r"stop\s+(?:complaining|apologi[sz]ing|moaning|whining|grumbling|worrying|sulking"
    r"|wringing|fretting|hand-wringing)\b|"
    # "Europe must find its nerve", "hold their nerve", "show some backbone": a call to
    # courage, not a policy act
    r"(?:find|hold|keep|lose|show|summon)\s+(?:its|their|our|his|her|the|some|real|more)\s+"
    r"(?:nerve|courage|backbone|spine|resolve|mettle|voice)\b|"
    r"be\s+(?:(?:very|deeply|all|so|rightly|truly|equally|more|also|profoundly)\s+)*(?:ashamed|proud|"
    r"grateful|worried|concerned|alarmed|angry|outraged|appalled|horrified|afraid|scared|thankful|"
    r"shocked|troubled|disturbed|saddened|furious|embarrassed|wary|humble|humbled|surprised|astonished|under\s+no\s+illusions?|in\s+no\s+doubt)|"
    r"not\s+look\s+away|hope|pray|want|wish|long\s+for|aspire|dream|owe)\b",
    _I,
)
# discourse frames of the author's own ("we must admit", "I should note"): not policy asks
_FIRST_PERSON_FRAME_PRED_RE = re.compile(
    r"^\s*(?:(?:also|surely|all|now|first|therefore|honestly|frankly)\s+)*(?:reflect|ask\s+ourselves|"
    r"wonder|admit|confess|concede|say|note|stress|add|acknowledge\s+that|feel|be\s+honest|"
    r"be\s+clear|be\s+careful|recall|recognise\s+that|recognize\s+that|accept\s+that|"
    r"understand|ask\s+why|ask\s+whether|ask\s+how|ask\s+what"
    # "we have to stop talking about these children as a line of debt"
    r"|stop\s+(?:talking|thinking|pretending|kidding|fooling|speaking)|talk\s+about"
    r"|think\s+(?:about|of)|pretend)\b",
    _I,
)
# stative predicates: a modal with these states how things ought to be, not what anyone should do
# passives that judge rather than act: "should be judged by results", "will be remembered"
_MAXIM_RE = re.compile(r"^\s*(?:not\s+)?be\s+(?:judged|remembered)\b", _I)
_STATIVE_RE = re.compile(
    r"^\s*(?:(?:also|surely|really|still|now|all|therefore|always)\s+)*(?:mean|matter|count|"
    r"seem|look|sound|feel|belong|deserve|cost|depend|equal|signify|suffice|exist|lie|rest|"
    r"stand\s+for|add\s+up)\b",
    _I,
)
_BOILERPLATE_RE = re.compile(
    r"^\s*(?:click|tap|read|sign\s+up|subscribe|follow\s+us|share|download|register|listen|watch|"
    r"log\s+in|sign\s+in|contact\s+us|email\s+us|see\s+also|find\s+out\s+more)\b"
    r"|\b(?:click\s+here|read\s+the\s+original|read\s+more|cookie|newsletter|all\s+rights\s+reserved)\b",
    _I,
)
_NON_ACTOR_SUBJECTS = _wordset(
    """this that it which these those such there what something nothing everything anything"""
)
# subjects that name no act: "more must be done", "lessons must be learned"
_ABSTRACT_SUBJECTS = _wordset("more much lessons questions action something nothing everything")
_EVAL_PREDICATE_RE = re.compile(
    r"^\s*(?:(?:surely|also|not|never|certainly|really|now|then|all|therefore|clearly|easily|"
    r"soon|still)\s+)*(?:be|seem|look|sound|prove|become|remain|help|happen|come|go|make|mean|"
    r"give|work|matter|apply|include|follow|count|have|get|take|cause|lead|result|occur|"
    r"exist|suffice|arise|tell|show|signal|serve|worry|please)\b",
    _I,
)
# verbs whose subject does not act: "X should happen / come / follow" is not an ask of X
_NON_AGENTIVE_RE = re.compile(
    r"^\s*(?:(?:surely|also|not|never|certainly|really|now|then|all|therefore|still)\s+)*"
    # "the cap should come back down to $1m", "the deadline must come forward" move a level
    r"(?:happen|come(?!\s+(?:back|down|forward|up)\b)|occur|arise|exist|suffice|result|count"
    r"|matter|seem|sound|prove|lie)\b",
    _I,
)
_PASSIVE_RE = re.compile(
    r"^\s*(?:(?:surely|also|not|never|certainly|now|then|all|therefore|urgently|immediately|"
    r"quickly|rightly|properly|fully|finally|at\s+last|at\s+least|no\s+longer)\s+)*"
    r"be\s+(?:(?:more|better|properly|fully|urgently|immediately|quickly|also|swiftly|rightly|"
    r"finally|further|strictly|properly|permanently)\s+)*(?:\w+(?:ed|en|wn|ght|ne|pt|lt)|made|"
    r"paid|put|set|cut|held|kept|built|brought|sought|taught|told|sold|given|taken|met|led|"
    r"run|shut|spent|left|split|bound|struck|upheld|withheld|read|rewritten|scrapped|banned)\b",
    _I,
)
_MUST_BE_EPISTEMIC_RE = re.compile(
    r"^\s*(?:have\s+been|be\s+(?:a|an|the|some|very|quite|rather|so|hard|easy|difficult|frustrating|tempting|galling|obvious|clear|true|wrong|right)\b"
    # "ministers must be wondering what went wrong": a guess at someone's state of mind
    r"|be\s+(?:(?:quietly|privately|secretly|now|already)\s+)?(?:wondering|thinking|feeling|"
    r"hoping|regretting|rueing|ruing|kicking\s+themselves|asking\s+themselves|relieved|"
    r"delighted|pleased|glad|nervous)\b)",
    _I,
)
_HAVE_TO_FRAME_RE = re.compile(
    r"^\s*(?:say|admit|confess|concede|agree|wonder|ask|accept\s+that|acknowledge|be\s+honest|"
    r"remember|note|hand\s+it)\b",
    _I,
)
_COULD_VERBS_RE = re.compile(
    r"^\s*(?:(?:also|easily|usefully|simply|then|now|immediately|at\s+least|and\s+should|"
    r"still|quickly|instead)\s+)*(?:start|begin|consider|learn|look|use|follow|do\s+worse|help|"
    r"introduce|adopt|set\s+up|create|require|offer|ban|extend|expand|invest|fund|push|press|"
    r"join|commit|back|develop|draw|scrap|cut|raise|lower|reform|legislate|establish|launch|"
    r"appoint|restore|reverse|abolish|replace|simplify|streamline|build|strengthen|lift|"
    r"remove|end|stop|halt|pause|drop|publish|match|copy|emulate|borrow|ask|commission|order|"
    r"direct|instruct|allow|give|set|make|announce|review|fix|tackle|cap|freeze|double|triple|"
    r"cancel|revoke|suspend|sign|ratify|negotiate|talk|call)\b",
    _I,
)
_HEADER_RE = re.compile(
    r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|some|a\s+number\s+of|"
    r"\d+)\s+(?:\w+\s+){0,2}(?:things|steps|ways|measures|actions|priorities|changes|reforms|"
    r"points|lessons|tests|policies|moves|areas|principles|proposals|ideas|tasks|questions)"
    r"|the\s+following|as\s+follows|(?:here|this)\s+is\s+(?:what|how)|(?:do|act|consider)\s*:)",
    _I,
)
_STOP_VERB_RE = re.compile(
    r"^\s*(?:(?:immediately|also|now|simply|finally|urgently|quickly|at\s+last|at\s+once|"
    r"instead|therefore|then)\s+)*(?:stop|stopping|halt|halting|end|ending|scrap|scrapping|"
    r"abandon|abandoning|refrain|refraining|cease|ceasing|ditch|ditching|drop|dropping|axe|"
    r"axing|give\s+up|giving\s+up|quit|quitting|no\s+longer|abolish|abolishing|"
    r"back\s+away\s+from|walk\s+away\s+from|pull\s+out\s+of|withdraw\s+from|suspend|"
    r"suspending|freeze|freezing|ban|banning|phase\s+out|phasing\s+out)\b",
    _I,
)

# --- subjects and connectives ------------------------------------------------------------------
_LEADING_CONNECTIVE_RE = re.compile(
    r"^(?:(?:but|and|so|yet|or|then|also|now|instead|therefore|thus|hence|indeed|ultimately|"
    r"crucially|importantly|above\s+all|first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|"
    r"fifth(?:ly)?|finally|lastly|next|in\s+short|in\s+sum|in\s+the\s+end|in\s+addition|"
    r"additionally|moreover|furthermore|meanwhile|similarly|likewise|equally|paradoxically|"
    r"frankly|honestly|simply\s+put|put\s+simply|of\s+course|at\s+the\s+same\s+time|however|"
    r"still|rather|perhaps|surely|clearly|obviously|plainly|quite\s+simply|to\s+that\s+end|"
    r"for\s+that\s+reason|that\s+is\s+why|this\s+is\s+why|which\s+is\s+why|that's\s+why|"
    r"that’s\s+why|this’s\s+why|in\s+particular|specifically|in\s+practice|most\s+of\s+all|"
    r"most\s+importantly|more\s+importantly|at\s+minimum|at\s+a\s+minimum|at\s+the\s+very\s+least|"
    r"at\s+least|again|too|as\s+well|both|either|whether|in\s+(?:my|our)\s+(?:view|opinion|judge?ment)|"
    r"to\s+my\s+mind)\b[\s,]*)+",
    _I,
)
_TRAILING_ADVERB_RE = re.compile(
    r"(?:[\s,]+(?:also|absolutely|really|now|urgently|clearly|still|all|simply|therefore|surely|"
    r"certainly|definitely|immediately|finally|instead|too|then|first|rather|quickly|together|"
    r"both|themselves|itself|ourselves|collectively|each|alone|in\s+turn|at\s+last|at\s+once|"
    r"at\s+least|once\s+again|once\s+more|now\s+more\s+than\s+ever|above\s+all|in\s+particular|"
    r"too|as\s+a\s+matter\s+of\s+urgency|in\s+future|in\s+the\s+future|going\s+forward|"
    r"this\s+time|so|thus|today|again))+\s*,?\s*$",
    _I,
)
_PARENTHETICAL_RE = re.compile(
    r"\s*(?:,[^,]{1,80},|\s[–—]\s[^–—]{1,100}\s[–—]|\s-\s[^-]{1,100}\s-|\([^()]{1,100}\))\s*$"
)
# boundaries before a subject: punctuation, subordinators, framing verbs/adjectives
_SUBJECT_BOUNDARY_RE = re.compile(
    r"(?:,(?!\d{3}\b)|[;:(\[]|\s[–—-]\s|[–—]|[“”\"]"
    r"|\b(?:that|because|since|so|which|who|while|whereas|although|though|if|when|then|"
    r"clear|obvious|plain|evident|apparent|true|certain|sure|believe|think|argue|say|means|"
    r"knows|know|feel|suspect|reckon|hope|is|are|was|were|why|where|how|whether|but|and\s+so|"
    r"yet|until|unless|once|as|where|now|thus|hence|therefore|course|agree|accept|insist|"
    # "time" ends a frame ("it is time"), not a noun ("the time limit should go back to 54")
    r"time(?!\s+(?:limits?|frames?|tables?|scales?|lines?|bars?|periods?|zones?|slots?))|"
    r"suggest|propose|recommend|urge|contend|maintain|conclude|fact|says|said|told|tells|"
    r"argues|argued|insists|insisted|claims|claimed|warns|warned|believes|believed|thinks|"
    r"thought|knew|wrote|writes|admits|admitted|agreed|agrees|accepts|accepted|demands|"
    r"demanded|wants|wanted|hopes|hoped|fears|feared|reckons|noted|stated|"
    r"(?<!united\s)(?<!member\s)states|declared|"
    r"declares|explained|explains|added|adds)\b)",
    _I,
)
_AND_BOUNDARY_RE = re.compile(
    r"(?:(?<!\d\s)\band\b|\bor\b|\bbut\b|\bwhile\b|\bwhereas\b|,(?!\d{3}\b)|[;:–—])", _I
)
_WORD_RE = re.compile(r"[A-Za-z][\w’'-]*")
_TRAIL_PUNCT = " \t\r\n\u00a0.,;:!?…–—-"

# --- actors ------------------------------------------------------------------------------------
# Vocabulary that tells which government a document is about (case-sensitive tokens).
_GOV_WORDS: dict[str, str] = {
    **dict.fromkeys(
        _wordset("""£ UK Britain British Westminster Whitehall NHS Labour Tory Tories Conservative
        Conservatives Commons Lords Chancellor Treasury FCDO Ofcom Ofgem Ofsted Ofwat HMRC MP MPs
        Starmer Sunak Reeves England Scotland Wales Holyrood council councils Brexit"""),
        "UK government",
    ),
    **dict.fromkeys(
        _wordset("""$ Congress congressional federal Senate senator senators Washington USA American
        Americans America Republican Republicans GOP administration Biden Trump governor governors
        Pentagon"""),
        "US government",
    ),
    **dict.fromkeys(_wordset("€ Brussels EU MEP MEPs eurozone"), "EU"),
    **dict.fromkeys(
        _wordset("""Australia Australian Australians Canberra Albanese Dutton Chalmers ALP
        eSafety Treasurer Sydney Melbourne Brisbane Perth Adelaide"""),
        "Australian government",
    ),
    **dict.fromkeys(
        _wordset("""Canada Canadian Canadians Ottawa Carney Trudeau Poilievre CMHC IRCC
        Quebec Ontario"""),
        "Canadian government",
    ),
    **dict.fromkeys(
        _wordset("France French Paris Élysée Matignon Macron Lecornu Bayrou Barnier"),
        "French government",
    ),
    **dict.fromkeys(
        _wordset("Germany German Berlin Bundestag Bundesrat Länder Merz Klingbeil Scholz"),
        "German government",
    ),
    **dict.fromkeys(
        _wordset("Japan Japanese Tokyo Diet Takaichi Ishiba Kishida Koizumi"),
        "Japanese government",
    ),
    **dict.fromkeys(
        _wordset("""Zealand Zealanders Wellington Luxon Hipkins Willis Beehive Auckland Waikato
        Otago Canterbury Aotearoa RMA"""),
        "New Zealand government",
    ),
}
# Currencies and councils are shared ("$" in the US, Canada, Australia, New Zealand): they
# count half.
_GOV_WEAK_TOKENS = frozenset({"£", "$", "€", "council", "councils"})
_GOV_BIGRAMS: dict[tuple[str, str], str] = {
    **dict.fromkeys(
        [
            ("Downing", "Street"),
            ("Home", "Office"),
            ("Foreign", "Office"),
            ("Prime", "Minister"),
            ("Lib", "Dems"),
            ("U", "K"),
        ],
        "UK government",
    ),
    **dict.fromkeys(
        [
            ("White", "House"),
            ("United", "States"),
            ("U", "S"),
            ("Supreme", "Court"),
            ("State", "Department"),
        ],
        "US government",
    ),
    **dict.fromkeys(
        [
            ("European", "Commission"),
            ("European", "Union"),
            ("member", "states"),
            ("European", "Parliament"),
            ("the", "Commission"),
        ],
        "EU",
    ),
}
_GOV_TOKEN_RE = re.compile(r"[^\W\d_]+|[£$€]")


def _national(country: str, adjectives: str, seats: str) -> re.Pattern[str]:
    """The words that name a parliamentary government: the country, "the (<adjective>)
    government", ministers, the prime minister, and its seats and leaders (``seats``)."""
    return re.compile(
        rf"^(?:we|us|{country}|our\s+country|this\s+country|the\s+country|the\s+nation|"
        rf"(?:the|this|our)\s+(?:(?:{adjectives}|new|next)\s+)?government|"
        rf"(?:{adjectives})\s+government|government|ministers|(?:{adjectives}|the)\s+ministers|"
        r"the\s+prime\s+minister|prime\s+minister|the\s+PM|the\s+(?:\w+\s+)?minister|"
        rf"{seats}|policymakers|policy-?makers|the\s+cabinet)$",
        _I,
    )


_GOV_ALIASES: dict[str, re.Pattern[str]] = {
    "UK government": re.compile(
        r"^(?:we|us|Britain|Great\s+Britain|the\s+UK|UK|the\s+U\.K\.|the\s+United\s+Kingdom|"
        r"our\s+country|this\s+country|the\s+country|the\s+nation|our\s+nation|our\s+government|"
        r"(?:the|this|our)\s+(?:UK\s+|British\s+|Labour\s+|Conservative\s+|Tory\s+|new\s+|next\s+)?"
        r"government|(?:UK|British|HM|His\s+Majesty['’]s)\s+government|government|ministers|"
        r"(?:UK|British|Labour|Tory|Conservative|the)\s+ministers|the\s+prime\s+minister|"
        r"prime\s+minister|the\s+PM|the\s+chancellor|the\s+foreign\s+secretary|"
        r"the\s+home\s+secretary|the\s+(?:\w+\s+)?secretary(?:\s+of\s+state)?|Westminster|"
        r"Whitehall|Downing\s+Street|Number\s+10|No\s*10|London|the\s+state|policymakers|"
        r"policy-?makers|British\s+ministers|the\s+cabinet|Keir\s+Starmer|Starmer)$",
        _I,
    ),
    "US government": re.compile(
        r"^(?:we|us|America|the\s+US|US|the\s+U\.S\.|the\s+United\s+States|our\s+country|"
        r"this\s+country|the\s+country|the\s+nation|our\s+nation|our\s+government|"
        r"(?:the|this|our)\s+(?:US\s+|U\.S\.\s+|American\s+|federal\s+|new\s+|next\s+)?government|"
        r"(?:the\s+)?(?:Biden|Trump|current|next|new)?\s*administration|the\s+president|"
        r"Washington|policymakers|policy-?makers|the\s+state)$",
        _I,
    ),
    "EU": re.compile(
        r"^(?:we|us|Europe|the\s+EU|EU|the\s+European\s+Union|Brussels|European\s+leaders|"
        r"policymakers|policy-?makers|the\s+bloc|the\s+Union)$",
        _I,
    ),
    "Australian government": _national(
        "Australia",
        "Australian|federal|Commonwealth|Albanese|Labor",
        r"the\s+treasurer|Canberra|Anthony\s+Albanese|Albanese",
    ),
    "Canadian government": _national(
        "Canada", "Canadian|federal|Carney|Liberal", r"Ottawa|Mark\s+Carney|Carney"
    ),
    "French government": _national("France", "French", r"Paris|the\s+Élysée|Matignon"),
    "German government": _national("Germany", "German", r"Berlin|the\s+chancellor"),
    "Japanese government": _national("Japan", "Japanese", r"Tokyo"),
    "New Zealand government": _national(r"New\s+Zealand", r"New\s+Zealand", r"Wellington"),
}
_GENERIC_GOV_RE = re.compile(
    r"^(?:we|us|our\s+government|the\s+government|government|ministers|policymakers|"
    r"policy-?makers|the\s+state|our\s+country|this\s+country|the\s+country)$",
    _I,
)
_ACTOR_DET_RE = re.compile(r"^(?:all|both|each|every)\s+", _I)

# --- list imperatives --------------------------------------------------------------------------

# --- prose imperatives --------------------------------------------------------------------------
# Outside lists a sentence-initial imperative is usually the reader's ("Start with money.",
# "Consider the evidence."), so only verbs of policy action count, and only when an object
# follows ("Scrap the two-child limit."); "Do X, and Y will follow" is a conditional.
_POLICY_VERBS = (
    r"(?:abolish|scrap|repeal|suspend|ban|outlaw|nationali[sz]e|legislate|reinstate|revoke"
    r"|cap|freeze|unfreeze|halve|double|triple|lift|impose|exempt|raise|cut|slash|axe|ditch"
    r"|reverse|restore|fund|tax|levy|ring-fence|extend|expand|end|introduce|increase|reduce"
    r"|lower|require|mandate|prohibit|restart|resume|reopen|recognise|recognize|sanction"
    r"|honour|honor|deliver|implement|enforce|publish)"
)
# What the author asks readers to do: "Show up at the next planning meeting", "Write to
# your MP", "Don't re-elect ..."; not "come to think of it", "join the dots"
_CIVIC_VERBS = (
    r"(?:(?:show|turn)\s+up\s+(?:at|to|for)\b|come\s+to\s+(?:the|a|next|our|this)\s+(?!think\b)"
    r"|vote\s+(?:for|against|them|him|her|no|yes|out|in\s+(?:the|every|your))\b"
    r"|write\s+to\s+(?:your|the|their)\b|(?:call|email|e-mail|ring|contact|lobby)\s+your\b"
    r"|sign\s+(?:the|a|this|our)\s+(?:petition|letter|pledge)\b|attend\s+(?:the|a|your|next)\b"
    r"|(?:answer|respond\s+to)\s+(?:the|this|that)\s+consultation\b"
    r"|join\s+(?:the|a|your|us)\s+(?!dots\b)|re-?elect\b)"
)
_PROSE_IMPERATIVE_RE = re.compile(
    rf"{_POLICY_VERBS}\s+(?:(?:the|a|an|this|that|these|those|its|their|all|every|each|both"
    r"|our|it|them)\b|\d|[£$€])"  # not a capital: "Ban Ki-moon warned", "Lower Thames ..."
    # "Do not abolish tribunal rights": after a negation the verb cannot be a name
    rf"|(?:do\s+not|don{_APOS}t|never)\s+{_POLICY_VERBS}\s+(?=[a-z\d£$€])"
    rf"|(?:(?:do\s+not|don{_APOS}t|never)\s+)?{_CIVIC_VERBS}"
    # "Stop handing out grants to ...", but not "stop being" (an exhortation)
    r"|stop\s+(?!being\b)[a-z]+ing\s+(?!(?:about|around|and|or|to)\b)(?=[a-z\d£$€])"
    # "Keep that promise", "keep all nine libraries open"; not "keep an eye on", "keep it simple"
    r"|keep\s+(?:the|that|this|these|those|its|their|our|all|every|each|both)\s+"
    r"(?!(?:faith|peace|change)\b)"
    # "Give headteachers the budgets", "Let councils borrow", "Bring back the grant", "Make
    # the fare cap permanent"; not "give thanks", "let things slide", "make the case"
    r"|give\s+(?:(?:the|every|all|each|our|local)\s+)?(?!(?:thanks|credit|ways|things)\b)"
    r"[a-z]+s\s+(?:the|a|an|more|back|their|its|powers?|money|time)\b"
    r"|let\s+(?!(?:us|things|matters|events)\b)[a-z]+s\s+(?!(?:go|slip|slide|be|down)\b)[a-z]+\b"
    rf"|bring\s+back\s+(?:the|a|an|its|our|their)\b|bring\s+(?:the|a|an|our|its|their)\s+"
    r"(?:[\w-]+\s+){1,4}back\b"
    r"|make\s+(?:the|a|an|this|that|these|those|its|their|our|it|them)\s+(?:[\w£$€%-]+\s+){0,5}"
    r"(?:permanent|statutory|mandatory|compulsory|free|universal|law|binding|automatic)\b"
)
# Not an ask: "Raise the tax, and investment will flee", "Lift the lid and you find chaos"
# (imperative conditionals), "Deliver it on time, the Treasury says" (reported), idioms.
_IMPERATIVE_CONSEQUENCE_RE = re.compile(
    r"(?:,|;|\s)\s*(?:and|or)\s+(?:(?:[\w’'-]+\s+){0,5}?(?:will|would|may|might|could|can)\b"
    r"|(?:you|we|they|it|he|she|nobody|everyone|everybody|people)\b)"
    r"|,\s+[^,]{1,50}?\s+(?:say|says|said|argue|argues|argued|insist|insists|insisted"
    r"|claim|claims|claimed|warn|warns|warned|told|tells)\b[^,]*$"
    r"|^\w+\s+the\s+bar\b|\bin\s+mind\b",
    _I,
)


_POSTSCRIPT_RE = re.compile(r"P\.\s?S\.\s+")
_PLEASE_RE = re.compile(r"please,?\s+(?=[a-z])", _I)
_CIVIC_RE = re.compile(rf"(?:(?:do\s+not|don{_APOS}t|never)\s+)?{_CIVIC_VERBS}", _I)


def _prose_imperative(st: str) -> bool:
    """A prose sentence that is a policy imperative ("Scrap the two-child limit.")."""
    lead = _LEADING_CONNECTIVE_RE.match(st)
    off = lead.end() if lead is not None and lead.end() < len(st) else 0
    label = _POSTSCRIPT_RE.match(st, off) or _NUMBERED_LABEL_RE.match(st, off)
    head = st[label.end() if label is not None else off :]
    please = _PLEASE_RE.match(head)
    if please is not None:
        # "Please publish the assessment": a request whatever its verb
        verb = _WORD_RE.match(head, please.end())
        return verb is not None and verb.group(0) in BASE_VERBS
    if not head[:1].isupper() and off == 0:
        return False
    return (
        _PROSE_IMPERATIVE_RE.match(head[:1].lower() + head[1:]) is not None
        and _IMPERATIVE_CONSEQUENCE_RE.search(head) is None
    )


# "Parliament: put a small levy on LNG exports" in prose: a colon after a short name of
# someone who can act; not "Result: ...", "Labour's plan: ...", "In 2010: ..."
_NOT_ADDRESSEE = (
    r"(?:result|answer|solution|fix|remedy|problem|verdict|lesson|point|plan|idea|choice"
    r"|question|truth|reality|upshot|moral|motto|mantra|slogan|message|promise|pledge|note"
    r"|update|example|translation|summary|conclusion|advice|ask|demand|recommendation|proposal"
    r"|step|action|priority|measure)\b"
)
# "Recommendation 3: Ring-fence ...": a numbering label, dropped like a list marker
_NUMBERED_LABEL_RE = re.compile(
    r"(?:recommendation|proposal|step|action|priority|measure)\s+(?:\d+|[A-Z]|one|two|three"
    r"|four|five|six|seven|eight|nine|ten)\s*[:.–—]\s+",
    _I,
)
_PROSE_ADDRESSEE_RE = re.compile(
    r"(?P<actor>(?!(?:in|on|at|by|for|from|since|after|before|then|now|today|her|his|their"
    r"|its|my|our|your|we|i|they|he|she|it|this|that|these|those|no|not|enough|so|first|second"
    r"|third|next|finally|again|one|two|three|four|five|bottom\s+line|the\s+bottom\s+line"
    rf"|in\s+short|put\s+simply|simply\s+put)\b|{_NOT_ADDRESSEE})"
    rf"[A-Z][\w.&-]*(?:\s+(?!{_NOT_ADDRESSEE})[\w.&-]+){{0,4}})\s*:\s+",
    _I,
)
# "No more delays: publish the plan", "First: publish the data": a label that orders or sums
# up the author's own argument, then an imperative (not "Her solution: ..." or "Result: ...")
_LABEL_RE = re.compile(
    r"(?P<label>(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|next|finally|lastly|one|two|three"
    r"|four|five|(?:the\s+)?bottom\s+line|in\s+short|put\s+simply|simply\s+put"
    r"|no\s+more\s+[\w\s-]{1,30}?|enough\s+[\w\s-]{0,30}?))\s*:\s+",
    _I,
)
# "My ask of the Chancellor is simple: scrap the cap": an ask noun, a colon, an imperative
_ASK_COLON_RE = re.compile(
    # the author's own ("my / our / the"), not someone else's ("Her solution:", "Reform's")
    r"^(?P<lead>(?:here\s+is\s+|so\s+|and\s+)?(?:my|our|the)\s+(?:(?:simple|obvious|only|real"
    r"|best|first|main|one|immediate|practical|urgent)\s+)?(?:ask|demand|request|plea|message"
    r"|recommendation|prescription|remedy|fix|solution|answer|advice)\b"
    r"(?:\s+(?:of|to|for)\s+(?P<actor>[^:;,.!?]{1,50}?)(?=\s+(?:is|are|would)\b|\s*:))?"
    # "is simple", "would be this"; never "was": a past answer is a description
    r"(?:\s+(?:is|are|would\s+be)(?:\s+[\w-]+){0,2})?)\s*:\s+",
    _I,
)


# --- restatement link --------------------------------------------------------------------------
_RESTATE_WINDOW = 4  # sentences


# =============================================================================================
# helpers

_TAIL_CUT_RE = re.compile(
    r",\s+(?:which|who|whose|where|because|so\s+that|rather\s+than|although|though|whereas|while|"
    r"since|not\s+(?:just|only|merely|simply)\b|"
    r"unless|even\s+if|even\s+though|not\s+least\s+because|not\s+because|lest|"
    r"(?:as|so)\s+long\s+as|provided\s+(?:that\s+)?|on\s+condition\s+that|"
    r"(?:an?|the)\s+(?:[\w’'-]+\s+){0,3}?(?:where|in\s+which|which|whose|when)\b"
    # ", the only part of the old scheme that was aimed at them": an appositive
    r"|the\s+(?:only|one|first|last|same|very|kind|sort)\s+(?:(?!(?:and|or)\b)[\w’'-]+\s+){0,5}?"
    r"(?:that|which|who)\b"
    # ", when the review is due anyway", ", by which point we will know": a time aside
    r"|when\b|by\s+which\s+(?:point|time|date)|at\s+which\s+point|by\s+then\b|without\b"
    # ", roughly what this year's harvest will deliver": a comparison aside
    r"|(?:roughly|about|around|approximately|close\s+to|much)\s+(?:what|where|as|the\s+same)\b)"
    r"|\s[–—]\s+(?:which|who|whose|where)\b"
    r"|;\s"
    # ": reopening it would sink the deal", ": a visa that ends is not free movement": a
    # reason after a colon (a clause with its own finite verb), not the ask's object
    r"|:\s+(?=(?:a|an|the|it|this|that|they|we|there|[a-z]+ing)\b[^.;:!?]{0,80}?\b(?:is|are"
    r"|was|were|would|will|has|have|had|can|cannot|could|does|do|did)\b)"
    r"|,\s+(?:at\s+least|if\s+only|ideally|preferably|perhaps)\b"
    r"|,\s+(?:whatever|whoever|wherever|whichever|no\s+matter|however\s+(?:much|long|hard|loud"
    r"|many|often))\b"
    r"|,\s+(?:with|including|starting\s+with|beginning\s+with|even|not\s+least)\b"
    r"|\s+even\s+(?:when|if|though|at|as|where)\b"
    r"|,\s+as\s+(?=(?:it|they|we|he|she|this|that)\s)"
    # ", as its October guidance says", ", as Mr Ishiba promised at the time": a source
    r"|,\s+as\s+(?=(?:[\w’'-]+\s+){1,6}?(?:says|said|promised|pledged|proposed|recommended"
    r"|suggested|argued|noted|wrote|put\s+it|intended|planned|agreed|requires|required)\b)"
    # ", spent as each town sees fit", ", paid for by a levy": a participle aside
    r"|,\s+(?:spent|paid(?:\s+for)?|funded|financed|run|used|managed|allocated|targeted"
    r"|delivered)\s+(?:as|by|through|from|on|in|at|where|wherever)\b"
    # ", exactly as the schedule has said", ", keeping the figure itself": asides
    r"|,\s+(?:exactly|just|precisely)\s+as\b|,\s+(?:keeping|leaving)\b"
    # ", as GP surgeries now must": a comparison with what others do
    r"|,\s+as\s+(?=(?:[\w’'-]+\s+){1,3}(?:now\s+|already\s+)?(?:must|do|does|did|has|have"
    r"|is|are|can|will|should)\b)"
    # "cap the cut at a quarter, not half", "to 10%, not the 15% that has applied since the
    # spring": a contrast closing the sentence
    r"|,\s+not\s+(?=[^,;:.!?]{1,80}[.!?]?\s*$)"
    # ", using the records the state already holds", ", starting in the Budget": a
    # participle closing the sentence (", starting in 2027, into the proposal" goes on)
    r"|,\s+(?!(?:no|some|any|every)thing\b)[a-z-]+ing\s+(?=[^,;:.!?]*[.!?]?\s*$)"
    # ", enough to deter lottery-stuffing", ", a year before it is due to lapse"
    r"|,\s+enough\s+to\b"
    r"|,\s+an?\s+(?:year|month|week|day|decade)s?\s+(?:before|after|earlier|later|ahead)\b"
    r"|\s+(?:because|so\s+that|rather\s+than|instead\s+of|lest)\b"
    r"|\s+(?:before|after|until|unless|since|although|though|whereas|once)\s+"
    r"(?=(?:it|they|we|he|she|this|that|there|I|you|these|those)\b)",
    _I,
)
# A sentence that opens by conceding a point ("Of course the Treasury must balance the
# books. But ...") grants the modal clause rather than asking for it.
_CONCESSION_RE = re.compile(
    r"^\s*(?:of\s+course|admittedly|granted|to\s+be\s+sure|naturally|no\s+doubt)\b", _I
)
# "it should be noted/said/clear that ...": a frame, not a passive ask ("it should be scrapped")
_IT_FRAME_RE = re.compile(
    r"\s*be\s+(?:noted|said|remembered|stressed|recognised|recognized|acknowledged|emphasised"
    r"|emphasized|pointed\s+out|argued|admitted|conceded|added|understood|seen|expected|hoped"
    r"|clear|obvious|possible|easy|hard|difficult|enough|no\s+surprise|welcomed)\b",
    _I,
)
_SPACED_DASH_RE = re.compile(r"\s[–—]\s|\s-\s")
_LIST_SPLIT_RE = re.compile(
    r"(?::\s+|,?\s+and\s+(?:then\s+|also\s+)?|;\s+(?:and\s+)?)(?=([a-z][\w-]*)\b)"
)
# A second conjunct that acts on the first one's object continues the same ask.
_SAME_OBJECT_RE = re.compile(
    r"\s+(?:it|them|the\s+(?:money|proceeds|revenue|receipts|savings|cash))\b", _I
)
_VAGUE_MAX_WORDS = 4


@attrs.define
class _Cand:
    start: int
    end: int
    paragraph: int
    sent_index: int
    actor: str
    action: str
    cue: str
    force: Force
    polarity: Polarity
    confidence: float
    link: str = ""  # "previous": restates the ask just before it
    in_list: bool = False
    raw_end: int = -1  # end of the clause before trailing asides were dropped
    cue_kind: str = "modal"


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim whitespace, leading dashes and final punctuation (keeping balanced closers)."""
    while s < e and (text[s].isspace() or text[s] in ",;:–—-"):
        s += 1
    while e > s:
        ch = text[e - 1]
        if ch.isspace() or ch in _TRAIL_PUNCT:
            e -= 1
        elif ch in "”’\"')]":
            opener = {"”": "“", "’": "‘", '"': '"', "'": "'", ")": "(", "]": "["}[ch]
            inner = text[s : e - 1]
            if opener in inner and (ch not in "\"'" or inner.count(ch) % 2 == 1):
                break
            e -= 1
        else:
            break
    return s, e


def _trim_tail(text: str, s: int, e: int, min_words: int = 3) -> tuple[int, int]:
    """Drop trailing justifications and asides (", which ...", " because ...", "; ...")."""
    for m in _TAIL_CUT_RE.finditer(text, s, e):
        if len(text[s : m.start()].split()) >= min_words:
            s, e = _strip_span(text, s, m.start())
            break
    dashes = [m.start() for m in _SPACED_DASH_RE.finditer(text, s, e)]
    if len(dashes) % 2 == 1 and len(text[s : dashes[-1]].split()) >= min_words:
        s, e = _strip_span(text, s, dashes[-1])  # an unpaired trailing "– aside"
    return s, e


def _finish_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip, drop trailing asides and a dangling connective left by a clause split."""
    s, e = _strip_span(text, s, e)
    s, e = _trim_tail(text, s, e)
    tail = _TRAILING_CONNECTIVE_RE.search(text, s, e)
    if tail is not None and tail.start() > s:
        s, e = _strip_span(text, s, tail.start())
    return s, e


def _quote_mask(sent: str) -> list[tuple[int, int]]:
    """Character ranges of ``sent`` inside quotation marks (curly or straight double)."""
    regions: list[tuple[int, int]] = []
    if "“" not in sent and "”" not in sent and '"' not in sent:
        return regions
    open_at: int | None = None
    straight_open: int | None = None
    for i, ch in enumerate(sent):
        if ch == "“":
            open_at = i
        elif ch == "”":
            regions.append((open_at if open_at is not None else 0, i + 1))
            open_at = None
        elif ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                regions.append((straight_open, i + 1))
                straight_open = None
    if open_at is not None:
        regions.append((open_at, len(sent)))
    if straight_open == 0:
        regions.append((0, len(sent)))
    return regions


def _in_regions(pos: int, regions: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in regions)


def _detect_government(text: str) -> str | None:
    """The government a document is about, from its vocabulary (£/NHS/Westminster -> UK, ...)."""
    counts = dict.fromkeys(_GOV_ALIASES, 0.0)
    prev = ""
    for tok in _GOV_TOKEN_RE.findall(text):
        gov = _GOV_WORDS.get(tok) or _GOV_BIGRAMS.get((prev, tok))
        if gov is not None:
            counts[gov] += 0.5 if tok in _GOV_WEAK_TOKENS else 1.0
        prev = tok
    ranked = sorted(((n, name) for name, n in counts.items()), reverse=True)
    (best_n, best), (second_n, _) = ranked[0], ranked[1]
    if best_n >= 2 and best_n > second_n:
        return best
    return None


def _norm_space(s: str) -> str:
    return " ".join(s.split())


_QUANT_HEAD_RE = re.compile(
    r"^(?:(?:the\s+)?(?:\w+\s+){0,2}(?:things|steps|ways|measures|actions|priorities|changes|reforms|"
    r"fixes|points|lessons|tests|policies|moves)\s+)",
    _I,
)


# canonical names of institutions, by document government
_INSTITUTIONS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "UK government": (
        (re.compile(r"^(?:HM\s+)?Treasury$", _I), "HM Treasury"),
        (re.compile(r"^(?:UK\s+)?Parliament$|^MPs$", _I), "Parliament"),
    ),
    "US government": ((re.compile(r"^(?:lawmakers|legislators|Capitol\s+Hill)$", _I), "Congress"),),
    "EU": (
        (re.compile(r"^(?:European\s+)?Commission$", _I), "European Commission"),
        (re.compile(r"^(?:European\s+)?Council(?:\s+of\s+the\s+EU)?$", _I), "Council of the EU"),
        (re.compile(r"^(?:European\s+Parliament|MEPs)$", _I), "European Parliament"),
        (
            re.compile(
                r"^(?:EU\s+)?(?:member\s+states?|national\s+(?:capitals|governments)|capitals)$", _I
            ),
            "EU member states",
        ),
    ),
}


def _resolve_actor(subject: str, doc: _Doc) -> str:
    """Normalise a subject noun phrase into an actor name (see docs/segmentation.md)."""
    gov = doc.gov
    subj = _norm_space(subject)
    for _ in range(2):
        m = _PARENTHETICAL_RE.search(subj)
        if m is not None and m.start() > 0:
            subj = subj[: m.start()]
    subj = subj.strip(" ,;:–—-\"“”'’")
    subj = _ACTOR_DET_RE.sub("", subj)
    subj = _QUANT_HEAD_RE.sub("", subj)
    if not subj:
        return gov or "government"
    if gov is not None and _GOV_ALIASES[gov].match(subj):
        return gov
    if gov is None:  # too short to tell the government: the subject may name it itself
        named = next((g for g, alias in _GOV_ALIASES.items() if alias.match(subj)), None)
        if named is not None:
            return named
    if _GENERIC_GOV_RE.match(subj):
        return gov or ("we" if subj.lower() in ("we", "us") else "government")
    if subj.lower() == "i":
        return "author"
    if subj[:4].lower() == "the " and len(subj) > 4:
        subj = subj[4:]  # "the Commerce Department" -> "Commerce Department"
    for pattern, name in _INSTITUTIONS.get(gov or "", ()):
        if pattern.match(subj):
            return name
    first, _, rest = subj.partition(" ")
    if (
        first[:1].isupper()
        and first[1:].islower()
        and rest == rest.lower()
        and first.lower() in doc.lower_words
    ):
        subj = subj[0].lower() + subj[1:]  # sentence-initial "Schools" -> "schools"
    return subj


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _subject_start(sent: str, region_start: int, cue_start: int, first_region: bool) -> int | None:
    """Offset (in ``sent``) where the subject of the modal at ``cue_start`` begins."""
    pre = sent[region_start:cue_start]
    m = _TRAILING_ADVERB_RE.search(pre)
    if m is not None:
        pre = pre[: m.start()]
    for _ in range(3):
        m = _PARENTHETICAL_RE.search(pre)
        if m is None or m.start() == 0:
            break
        pre = pre[: m.start()]
    stripped_len = len(pre.rstrip())
    if not stripped_len:
        return None
    cut = 0
    prev_end = -1
    prev_cut = 0
    for bm in _SUBJECT_BOUNDARY_RE.finditer(pre):
        if bm.end() >= stripped_len:
            break
        relative = bm.group(0).lower() in ("that", "who", "which", "whom")
        if relative and cut and not pre[prev_end : bm.start()].strip():
            relative = False  # "clear that", ", which": a complementiser, not a relative clause
        if relative and len(pre[cut : bm.start()].split()) in range(1, 6):
            # "trusts that fail should ...": the antecedent and its relative clause are the subject
            prev_cut, prev_end = cut, bm.end()
            continue
        prev_cut, cut, prev_end = cut, bm.end(), bm.end()
    del prev_cut
    if not first_region:
        for bm in _AND_BOUNDARY_RE.finditer(pre):
            if bm.end() < stripped_len:
                cut = max(cut, bm.end())
    else:
        for bm in _PRONOUN_AFTER_AND_RE.finditer(pre):
            cut = max(cut, bm.end())
    subj = pre[cut:]
    offset = len(subj) - len(subj.lstrip())
    lead = _LEADING_CONNECTIVE_RE.match(subj.lstrip())
    if lead is not None:
        offset += lead.end()
    start = region_start + cut + offset
    if not sent[start:cue_start].strip():
        return None
    return start


_PRONOUN_AFTER_AND_RE = re.compile(r"\b(?:and|or|but)\s+(?=(?:we|I|they|he|she|you|it)\b)", _I)
_ACTION_LEAD_RE = re.compile(
    r"^(?:(?:absolutely|also|really|now|urgently|simply|clearly|at\s+least|immediately|finally|"
    r"therefore|surely|certainly|then|quickly|instead|still|all|first|at\s+last|at\s+once)\s+)+",
    _I,
)


def _shorten_action(pred: str) -> str:
    pred = _norm_space(pred)
    for sep in (
        " – which",
        " — which",
        ", which",
        "; ",
        " (",
        ", so that",
        ", because",
        " because ",
    ):
        i = pred.find(sep)
        if i > 0:
            pred = pred[:i]
    pred = _ACTION_LEAD_RE.sub("", pred)
    pred = pred.strip(_TRAIL_PUNCT + "\"“”'’")
    words = pred.split()
    if len(words) > 18:
        pred = " ".join(words[:18])
    return pred


def _polarity(neg: bool, pred: str) -> Polarity:
    if neg or _STOP_VERB_RE.match(pred):
        return Polarity.STOP
    return Polarity.DO


def _last_word(s: str) -> str:
    m = _LAST_WORD_RE.search(s)
    return m.group(1).lower() if m else ""


_LAST_WORD_RE = re.compile(r"(\S+)\s*$")
_NEED_BLOCKERS = _wordset(
    """the a no don't don’t doesn't doesn’t didn't didn’t will would might may could shall won't
won’t not to never ever of any"""
)
_CLAUSE_FRAME_CUT_RE = re.compile(
    r"(?:;\s|,\s+(?:but|and|yet|while|whereas|although|though)\s|\s[–—]\s)", _I
)
_IF_OPEN_RE = re.compile(
    r"\b(?:if|unless|whether|once|until|even\s+if|as\s+long\s+as|provided)\b[^,;:–—]*$", _I
)
_BE_RE = re.compile(
    r"^\s*(?:(?:also|surely|not|never|all|therefore|now|simply|always)\s+)*(?:be|become|remain)\b",
    _I,
)
_BE_TO_PRED_RE = re.compile(r"^\s*(?:also\s+|surely\s+|therefore\s+)?be\s+to\s+", _I)
_THERE_BE_RE = re.compile(r"^\s*(?:also\s+|now\s+|surely\s+)?be\b", _I)
_NON_PERSON_SUBJECTS = frozenset(
    ["you", "one", "anyone", "everyone", "everybody", "nobody", "no", "someone", "somebody", "none"]
)
_WH_WORDS = _wordset("what whatever how why whether which who whom whose when where")
_ABLE_RE = re.compile(r"^\s*(?:(?:all|also|surely|still|always)\s+)*be\s+able\s+to\b", _I)
_GOVERNMENTS = frozenset({*_GOV_ALIASES, "government", "we"})


# =============================================================================================
# per-sentence analysis


@attrs.frozen
class _Hit:
    """A cue found in a sentence (offsets relative to the sentence)."""

    kind: str  # "modal", "time", "be_to", "be_for", "urge", "see", "callfor", "case", ...
    start: int  # start of the cue
    end: int  # end of the cue (the predicate starts here)
    force: Force
    neg: bool
    actor: str | None  # an explicit actor ("I urge <actor> to") else None
    cue: str
    keeps_cue: bool = False  # the span starts at the cue, not at the predicate


# cheap substring gates: a cue pattern runs only when one of its words occurs in the sentence
_GATES: dict[str, tuple[str, ...]] = {
    "urge": (
        "urg",
        "call",
        "implor",
        "encourag",
        "ask",
        "appeal",
        "challeng",
        "beg",
        "invit",
        "press",
    ),
    "see": ("see",),
    "want": ("like", "want"),
    "vital": (
        "imperative",
        "essential",
        "vital",
        "crucial",
        "critical",
        "urgent",
        "important",
        "necessary",
    ),
    "time": ("time", "moment"),
    "onus": ("onus", "burden", "responsibility", "ball"),
    "case": ("there", "case for"),
    "falls": ("falls to",),
    "least": ("least",),
    "inverted": ("circumstances", "account", "no point", "no stage", "no time", "never"),
    "callfor": ("call", "propose", "recommend", "advocate", "suggest"),
    "whatneed": ("what",),
    "be_to": ("be to", "is to", "was to", "remains to"),
    "be_for": ("is for", "be for"),
    "let": ("let",),
    "need_np": ("need",),
    "modal": (
        "should",
        "must",
        "ought",
        "would",
        "need",
        "have",
        "has",
        "ve ",
        "ve got",
        "had",
        "required",
        "could",
    ),
}


def _gate(low: str, kind: str) -> bool:
    return any(w in low for w in _GATES[kind])


_DETERMINERS = _wordset("the a an this that these those every each any no our their its his her")
_SUBJECT_PRONOUNS = _wordset("we i they you he she it")


def _vital_subject(sent: str, pos: int) -> tuple[str | None, int]:
    """Subject and verb offset after "it is vital that|for": ("lawmakers", offset of "act")."""
    words = list(_WORD_RE.finditer(sent, pos))
    for k, w in enumerate(words[1:8], start=1):
        low = w.group(0).lower()
        if words[k - 1].group(0).lower() in _DETERMINERS:
            continue  # "the cap rises": a noun after a determiner, however verb-like
        if low == "to" or low in ("should", "must", "not", "be") or low in BASE_VERBS:
            subject = sent[pos : words[k - 1].end()]
            verb_at = (
                words[k + 1].start()
                if low in ("to", "should", "must") and k + 1 < len(words)
                else w.start()
            )
            return subject, verb_at
    return None, pos


def _find_hits(sent: str, mask: Sequence[tuple[int, int]]) -> list[_Hit]:
    hits: list[_Hit] = []
    low = sent.lower()
    taken: list[tuple[int, int]] = []

    def add(h: _Hit) -> None:
        if _in_regions(h.start, mask):
            return
        for a, b in taken:
            if a <= h.start < b or h.start <= a < h.end:
                return
        taken.append((h.start, h.end))
        hits.append(h)

    for m in _URGE_RE.finditer(sent) if _gate(low, "urge") else ():
        add(
            _Hit(
                "urge",
                m.start(),
                m.end(),
                Force.SHOULD,
                False,
                m.group("actor"),
                m.group(0).strip(),
            )
        )
    for m in _WANT_RE.finditer(sent) if _gate(low, "want") else ():
        add(_Hit("urge", m.start(), m.end(), Force.SHOULD, False, m.group("actor"), m.group(0)))
    for m in _NEED_ACTOR_RE.finditer(sent) if _gate(low, "need_np") else ():
        add(_Hit("urge", m.start(), m.end(), Force.SHOULD, False, m.group("actor"), m.group(0)))
    for m in _SEE_RE.finditer(sent) if _gate(low, "see") else ():
        verb_at, actor_end = m.start("verb"), m.end("actor")
        if m.group("verb").lower() not in BASE_VERBS:
            # "I would like to see the Treasury scrap the cap": the verb is the first base
            # verb after the actor's first word, not the actor's second word
            after = list(_WORD_RE.finditer(sent, m.start("actor"), m.start("actor") + 80))[:8]
            k = next((k for k, w in enumerate(after) if k and w.group(0) in BASE_VERBS), None)
            if k is not None:
                verb_at, actor_end = after[k].start(), after[k - 1].end()
        add(
            _Hit(
                "see",
                m.start(),
                verb_at,
                Force.SHOULD,
                False,
                sent[m.start("actor") : actor_end],
                sent[m.start() : actor_end].strip(),
            )
        )
    for m in _VITAL_RE.finditer(sent) if _gate(low, "vital") else ():
        actor, verb_at = _vital_subject(sent, m.end())
        if actor is not None:
            add(_Hit("vital", m.start(), verb_at, Force.MUST, False, actor, m.group(0).strip()))
    for m in _TIME_RE.finditer(sent) if _gate(low, "time") else ():
        add(
            _Hit(
                "time", m.start(), m.end(), Force.MUST, False, m.group("actor"), m.group(0).strip()
            )
        )
    for m in _TIME_PAST_RE.finditer(sent) if _gate(low, "time") else ():
        add(
            _Hit(
                "time", m.start(), m.end(), Force.MUST, False, m.group("actor"), m.group(0).strip()
            )
        )
    for m in _ONUS_RE.finditer(sent) if _gate(low, "onus") else ():
        add(
            _Hit(
                "urge", m.start(), m.end(), Force.MUST, False, m.group("actor"), m.group(0).strip()
            )
        )
    for m in _FALLS_TO_RE.finditer(sent) if _gate(low, "falls") else ():
        if _HABITUAL_RE.search(sent, 0, m.start()):
            continue  # "too often it falls to parents to fight": a complaint, not an ask
        add(_Hit("urge", m.start(), m.end(), Force.MUST, False, m.group("actor"), m.group(0)))
    for m in _LEAST_RE.finditer(sent) if _gate(low, "least") else ():
        add(_Hit("urge", m.start(), m.end(), Force.SHOULD, False, m.group("actor"), m.group(0)))
    for m in _CASE_IS_RE.finditer(sent) if _gate(low, "case") else ():
        add(_Hit("case", m.start(), m.end(), Force.SHOULD, False, None, m.group(0).strip()))
    for m in _CASE_RE.finditer(sent) if _gate(low, "case") else ():
        add(_Hit("case", m.start(), m.end(), Force.SHOULD, False, None, m.group(0).strip()))
    for m in _CALLFOR_RE.finditer(sent) if _gate(low, "callfor") else ():
        add(_Hit("callfor", m.start(), m.end(), Force.SHOULD, False, None, m.group(0).strip()))
    for m in _WHATDO_RE.finditer(sent) if _gate(low, "whatneed") else ():
        verb = _WORD_RE.match(sent, m.end())
        if verb is None or verb.group(0).lower() not in BASE_VERBS:
            continue  # "what the Fed should do is less clear": no action follows
        neg = m.group("neg") is not None  # "what ministers must not do is raise the cap"
        add(_Hit("whatneed", m.start(), m.end(), Force.MUST, neg, m.group("actor"), m.group(0)))
    for m in _INVERTED_NEGATIVE_RE.finditer(sent) if _gate(low, "inverted") else ():
        actor, verb_at = _vital_subject(sent, m.end())
        first = _WORD_RE.match(sent, m.end())
        if actor is None and first is not None and first.group(0).lower() in _SUBJECT_PRONOUNS:
            actor, verb_at = first.group(0), _skip_space(sent, first.end())
        elif actor is None and first is not None and first.group(0).lower() in _DETERMINERS:
            # "on no account must the cap rise": determiner, noun, verb
            w = list(_WORD_RE.finditer(sent, first.end()))[:2]
            if len(w) == 2 and w[1].group(0).islower():
                actor, verb_at = sent[first.start() : w[0].end()], w[1].start()
        if actor is not None and actor.strip():
            force = Force.MUST if m.group("modal").lower() == "must" else Force.SHOULD
            add(_Hit("inverted", m.start(), verb_at, force, True, actor, m.group(0).strip()))
    for m in _WHATNEED_RE.finditer(sent) if _gate(low, "whatneed") else ():
        add(_Hit("whatneed", m.start(), m.end(), Force.MUST, False, None, m.group(0).strip()))
    for m in _BE_TO_RE.finditer(sent) if _gate(low, "be_to") else ():
        word = m.group(0).split()[0].lower()
        head = _BE_TO_HEADS_RE.search(sent, 0, m.start())
        if word in ("is", "was", "remains") and head is None:
            continue
        if word == "was" or (head is not None and _OTHERS_RE.search(sent, 0, head.start())):
            continue  # "her answer was to wait", "Labour's answer is to ...": a description
        force = Force.MUST if word == "must" else Force.SHOULD
        named = _HEAD_ACTOR_RE.search(sent, 0, m.start())
        actor = named.group("actor") if named is not None else None
        head_np = _HEAD_NP_RE.search(sent, 0, head.start()) if head is not None else None
        start = head_np.start() if head_np is not None else m.start()
        # "The answer is to back the price": a short head stays in the span; a long one
        # with asides ("An important statement, now that ..., would be to restart") does not
        short = head_np is not None and len(_words(sent[start : m.start()])) <= 6
        add(
            _Hit(
                "be_to",
                start if short else m.start(),
                m.end(),
                force,
                False,
                actor,
                m.group(0).strip(),
                keeps_cue=short,
            )
        )
    for m in _BE_FOR_TO_RE.finditer(sent) if _gate(low, "be_for") else ():
        head = _BE_FOR_HEADS_RE.search(sent, 0, m.start())
        if head is None:
            continue
        det = _HEAD_DET_RE.search(sent, 0, head.start())
        start = det.start() if det is not None else head.start()
        add(_Hit("be_for", start, m.end(), Force.SHOULD, False, m.group("actor"), m.group(0)))
    for m in _LET_RE.finditer(sent) if _gate(low, "let") else ():
        add(_Hit("let", m.start(), m.end(), Force.SHOULD, False, None, m.group(0).strip()))
    for m in _LET_NP_RE.finditer(sent) if _gate(low, "let") else ():
        label = _PROSE_ADDRESSEE_RE.match(sent)
        if label is not None and label.end() == m.start():
            continue  # "Treasury: let the Ministry keep ...": the label names who is asked
        words = list(_WORD_RE.finditer(sent, m.start("np"), m.end("np")))
        at = next((k for k, w in enumerate(words[1:], start=1) if w.group(0) in BASE_VERBS), None)
        if at is None:
            continue
        np = sent[m.start("np") : words[at - 1].end()]
        add(_Hit("let_np", m.start(), words[at].start(), Force.SHOULD, False, np, "let"))
    for m in _NEED_NP_RE.finditer(sent) if _gate(low, "need_np") else ():
        add(
            _Hit(
                "need_np",
                m.start("subj"),
                m.end(),
                Force.MUST,
                False,
                m.group("subj"),
                m.group(0).strip(),
            )
        )
    for m in _NEED_NP_ANY_RE.finditer(sent) if _gate(low, "need_np") else ():
        add(_Hit("need_any", m.start("subj"), m.end(), Force.MUST, False, None, m.group(0).strip()))
    for m in _MODAL_RE.finditer(sent) if _gate(low, "modal") else ():
        if m.group("should"):
            force = Force.SHOULD
        elif m.group("must"):
            force = Force.MUST
        else:
            force = Force.COULD
        neg = bool(m.group("nt") or m.group("neg"))
        aside = m.group("aside")
        if aside is not None and _hiding_aside(aside, sent[m.end() :]):
            continue
        cue = sent[m.start() : m.start("aside")] if aside is not None else m.group(0)
        add(_Hit("modal", m.start(), m.end(), force, neg, None, cue.strip()))
    hits.sort(key=lambda h: h.start)
    return hits


def _hiding_aside(aside: str, after: str) -> bool:
    """Whether a comma aside after a modal hides what makes the clause no ask: a report
    ("should, ministers insist,"), the law ("must, by law,"), everyone ("should, all of
    us,"), or no verb after it ("as they should, given the stakes, and ...")."""
    return (
        _REPORT_RE.search(aside) is not None
        or _DESCRIPTIVE_OBLIGATION_RE.search(aside) is not None
        or re.search(r"\b(?:all|each|every\s+one)\s+of\s+us\b", aside, _I) is not None
        or re.match(r"\s*(?:and|or|but|so|yet|then|while|because)\b", after, _I) is not None
    )


_THAT_AFTER_RE = re.compile(r"\s*(?:,[^,]{0,60},\s*)?that\b", _I)
_AUX_BEFORE_RE = re.compile(
    rf"(?:\b(?:has|have|had|also|repeatedly|already|once|long|often){_APOS}?s?|{_APOS}ve|{_APOS}s)\s*$",
    _I,
)
# "At present parents have to apply ...", "Currently firms have to ...": how things are
_PRESENT_STATE_RE = re.compile(
    r"^\s*(?:at\s+present|currently|at\s+the\s+moment|right\s+now|today|these\s+days"
    r"|as\s+things\s+are)\b",
    _I,
)
_DESCRIPTIVE_OBLIGATION_RE = re.compile(
    r"\b(?:by\s+law|under\s+(?:the|current|existing)\s+(?:law|rules|Act|regulations)|"
    r"as\s+things\s+stand)\b",
    _I,
)
# "None of this means that people who fall ill should be left alone": a denied inference
_DENIED_IMPLICATION_RE = re.compile(
    rf"\b(?:none\s+of\s+(?:this|that|it)\s+means?"
    rf"|(?:does\s+not|doesn{_APOS}t|did\s+not|didn{_APOS}t|need\s+not|needn{_APOS}t)\s+mean)\b"
    r"(?:(?!,\s*(?:but|and|so|yet)\b)[^;:])*$",
    _I,
)
_ANY_OF_US_RE = re.compile(r"\b(?:any|none|one|each|either|neither)\s+of\s+us$", _I)
_ALL_OF_US_RE = re.compile(r"\s*(?:all(?!\s+but\b)|each\s+of\s+us|every\s+one\s+of\s+us)\b", _I)
_RELATIVE_END_RE = re.compile(r"\b(?:which|whom|whose)\s*$", _I)
# "<the £6,000> that <a school> must": a determiner's noun phrase, "that", which, or whom,
# and the relative clause's own short subject, just before a modal
_OBJECT_RELATIVE_RE = re.compile(
    r"\b(?:the|a|an|its|their|our|his|her|every|each|any|no)\s+"
    r"(?:(?!(?:is|are|was|were|says|said|shows|showed|means|argues|insists|believes|thinks"
    r"|knows|suggests|agrees|accepts|claims|warns|states|hopes|fears|feels|makes|ensures)\b)"
    r"[\w£$€%,.’'-]+\s+){1,3}?(?:that|which|whom)\s+"
    r"(?:the|a|an|its|their|our|his|her|this|these|those|every|each|some|any|most|many|it|they"
    r"|we|he|she|you)\b(?:\s+[\w’'-]+){0,2}\s*$",
    _I,
)
_RELATIVE_BEFORE_RE = re.compile(r"\b(?:who|which|that|whom|whose)\s*$", _I)
_CLEFT_RE = re.compile(
    rf"\b(?:it\s*(?:is|{_APOS}s|was)|it\s+should\s+be|it\s+must\s+be)\s+(?:now\s+|surely\s+)?"
    r"(?P<actor>[^,;:]{1,60}?)\s*,?\s*(?:who|that)\s*$",
    _I,
)


def _reported(prefix: str) -> bool:
    """Whether ``prefix`` (the clause up to a subject) holds a third-party reporting frame."""
    cut = 0
    for m in _CLAUSE_FRAME_CUT_RE.finditer(prefix):
        cut = m.end()
    clause = prefix[cut:]
    last: re.Match[str] | None = None
    for m in _REPORT_RE.finditer(clause):
        last = m
    if last is None:
        return False
    frame_subject = clause[: last.start()]
    word = last.group(0).lower()
    if (
        word.endswith("ed")
        and not _THAT_AFTER_RE.match(clause, last.end())
        and not _AUX_BEFORE_RE.search(frame_subject)
    ):
        return False  # "the measures announced last year should ...": a participle, not a frame
    if _FIRST_PERSON_FRAME_RE.search(frame_subject) or _OWN_FRAME_RE.search(frame_subject):
        return False  # "I believe", "My argument is that"
    if _AS_FRAME_RE.search(frame_subject):
        return False
    # "it is clear that": the author's own voice
    return not (
        word.startswith(("is ", "are ")) and re.search(r"\b(?:it|this|that)\s*$", frame_subject, _I)
    )


_LOWER_WORD_RE = re.compile(r"(?<![\w’'-])[a-z][a-z-]+\b")


# The subject opening a clause: a proper name ("Ofwat", "the Environment Agency"), a
# government word ("ministers", "the government") or a plural body ("cities"), after an
# optional time phrase, followed by a finite verb (an auxiliary or a past form; "-s" forms
# are too often plural nouns).
_CLAUSE_SUBJECT_RE = re.compile(
    r"(?:^|[;:]\s+|\.\s+)(?:(?:[Ll]ast|[Tt]his|[Nn]ext)\s+\w+,?\s+|[Ii]n\s+\w+(?:\s+\d{4})?,\s+"
    # a subordinate clause before the main one: "When it opened the case, the Commission said"
    r"|(?:[Ww]hen|[Aa]fter|[Bb]efore|[Oo]nce|[Ss]ince|[Ww]hile|[Aa]lthough|[Tt]hough|[Aa]s|[Ii]f)"
    r"\s+[^,;:.!?]{1,100},\s+)?"
    # the subject of a condition before the main clause: "If ministers are serious, they ..."
    r"(?:(?:[Ii]f|[Oo]nce|[Ss]ince|[Bb]ecause|[Ww]hile|[Ww]hen)\s+)?"
    r"(?P<subj>(?:[Tt]he\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,4}|ministers"
    r"|the\s+(?:government|regulator|Treasury|department)"
    rf"|(?:(?:the|most|many|local)\s+)?{_COLLECTIVE_ACTORS})"
    r"\s+(?:(?:already|now|still|also|really|truly)\s+)*"
    r"(?:has|have|had|is|are|was|were|will|would|can|could|may|must|\w+ed|said|made|set|put"
    r"|cut|kept|sent|began|told|gave|took|wrote|chose|brought|held|paid|won|got|went|came"
    r"|sought|spoke|wants?|means?|needs?|knows?|says?|claims?|hopes?|insists?|accepts?"
    r"|agrees?|promises?|likes?|plans?|intends?|seems?|argues?"
    # bare present forms, after a plural subject ("Member states now hold that key")
    r"|hold|own|control|run|decide|face|get|take|give|pay|spend|receive|lack|share)\b",
)
_NOT_A_NAME = _wordset(
    """he she we i you it they this that these those there here most many some all few several
    both each every no what when where if but and so yet such one another other"""
)


class _Doc:
    """Per-call state shared by the sentence analysers."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.gov = _detect_government(text)
        self.last: _Cand | None = None
        self.lower_words = frozenset(_LOWER_WORD_RE.findall(text))
        self.sentences: list[Sentence] = []

    def previous_actor(self, idx: int) -> str | None:
        """The actor of the last ask if it is in the sentence just before sentence ``idx``."""
        if self.last is not None and self.last.sent_index == idx - 1:
            return self.last.actor
        return None

    def antecedent(self, idx: int, before: str) -> str | None:
        """Who "it" or "they" opening a clause most likely is, when no ask came just before:
        the subject of the clause before it in the same sentence ("Last week ministers
        opened a consultation; they should ..."), else of the sentence before it in the same
        paragraph ("Ofwat already has the power. It should use that power ...")."""
        found = list(_CLAUSE_SUBJECT_RE.finditer(before))
        if not found and idx > 0 and idx - 1 < len(self.sentences):
            previous, current = self.sentences[idx - 1], self.sentences[idx]
            if previous.paragraph == current.paragraph and previous.kind == current.kind:
                found = list(_CLAUSE_SUBJECT_RE.finditer(previous.text))[:1]
        if not found:
            return None
        subject = found[-1].group("subj")
        if not self._can_act(subject):
            return None
        return _resolve_actor(subject, self)

    def _can_act(self, subject: str) -> bool:
        """Whether ``subject`` names someone who can act: a government word, a name after
        "the" or of several capitalised words, an acronym, or one capitalised word that the
        document also capitalises mid-sentence and never writes in lower case ("Ofwat", not
        "Inflation" or "Most")."""
        words = subject.split()
        if words[0].lower() in _NOT_A_NAME:
            return False
        if _COLLECTIVE_ACTOR_RE.search(subject):
            return True
        if words[0].lower() in ("the", "ministers") or len(words) > 1:
            return True
        word = words[0]
        if len(word) > 1 and word.isupper():
            return True
        if word.lower() in self.lower_words:
            return False
        return re.search(rf"[a-z,;]\s+{re.escape(word)}\b", self.text) is not None

    @property
    def default_actor(self) -> str:
        return self.gov or "government"


def _analyse(
    doc: _Doc, sent: Sentence, idx: int, header_actor: str | None
) -> tuple[list[_Cand], bool]:
    """Candidates in one sentence; the flag says whether the sentence is a list header."""
    st = sent.text
    if _QUESTION_END_RE.search(st) or _BOILERPLATE_RE.search(st):
        return [], False
    mask = _quote_mask(st)
    # a modal inside an object relative clause ("halve the £6,000 that a school must find")
    # describes the object, it asks nothing
    hits = [
        h
        for h in _find_hits(st, mask)
        if h.kind != "modal" or _OBJECT_RELATIVE_RE.search(st, 0, h.start) is None
    ]
    if st.rstrip(' \t"”’)').endswith(":") and (
        _HEADER_RE.search(st) is not None or (bool(hits) and len(_words(st[hits[-1].end :])) <= 6)
    ):
        return [], True
    if sent.kind == "list_item" and (not hits or (hits[0].start > 0 and _imperative_at(st, 0))):
        return _list_item(doc, sent, idx, header_actor), False
    if not hits:
        colon = _ASK_COLON_RE.match(st)
        if colon is not None and _imperative_at(st, colon.end()):
            return [_colon_ask(doc, sent, idx, colon)], False
        addressed = _PROSE_ADDRESSEE_RE.match(st) or _NUMBERED_LABEL_RE.match(st)
        if (
            sent.kind == "sentence"
            and addressed is not None
            and _imperative_at(st, addressed.end())
        ):
            # "Parliament: put a small levy on LNG exports": an addressed ask in prose
            return _list_item(doc, sent, idx, None, in_list=False), False
        label = _LABEL_RE.match(st)
        if sent.kind == "sentence" and label is not None and _imperative_at(st, label.end()):
            # "No more delays: publish the plan": a label of the author's, then the ask
            return [_label_ask(doc, sent, idx, label)], False
        if sent.kind == "sentence" and _prose_imperative(st):
            # the addressee of the ask just before, if any ("We must act. Scrap the cap.")
            return _list_item(doc, sent, idx, doc.previous_actor(idx), in_list=False), False
        mm = _MEANS_RE.match(st)
        if mm is not None:
            return _means(doc, sent, idx, mm), False
        return [], False

    # subject of every hit; the region of a hit runs from its subject to the next subject
    starts: list[int | None] = []
    kept: list[_Hit] = []
    region_start = 0
    for h in hits:
        start: int | None = h.start
        if h.kind == "modal":
            start = _subject_start(st, region_start, h.start, not kept)
        if (
            h.kind == "modal"
            and kept
            and start is not None
            and (
                _EMBEDDED_WH_RE.search(st, 0, start)
                or _INDIRECT_QUESTION_RE.search(st, kept[-1].end, h.start)
            )
        ):
            # "require X to report how many brigades could deploy": an indirect question
            # inside the earlier ask's verb phrase, not a clause of its own
            continue
        if h.kind == "modal" and not kept and _INDIRECT_QUESTION_RE.search(st, 0, h.start):
            continue  # "the briefing sets out what the government should do about it"
        if h.kind == "modal" and kept and start == _skip_space(st, kept[-1].end):
            first = _WORD_RE.match(st, start)
            if first is not None and first.group(0) in BASE_VERBS:
                # "time for ministers to make X something the decision-maker must weigh":
                # the "subject" is the earlier cue's verb phrase; the modal is inside it
                continue
        kept.append(h)
        starts.append(start)
        region_start = h.end
    hits = kept

    cands: list[_Cand] = []
    for i, h in enumerate(hits):
        limit = len(st)
        for j in range(i + 1, len(hits)):
            nxt = starts[j]
            if nxt is not None and hits[j].kind != "be_to":
                limit = nxt
                break
        prev_actor = cands[-1].actor if cands else doc.previous_actor(idx)
        cand = _judge(doc, sent, idx, h, ss=starts[i], limit=limit, prev_actor=prev_actor)
        if cand is None or (cands and cand.start < cands[-1].end):
            continue
        lead_in_end = starts[i] if starts[i] is not None else h.start
        if (
            cands
            and ":" in st[cands[-1].end - sent.start : lead_in_end]
            and not any(c.link for c in cands)
        ):
            cand.link = "previous"  # "we need to X, and the place to start is obvious: Y should Z"
        cands.extend(_split_coordinated(doc, cand, sent.start + h.end))
    if not cands and sent.kind == "list_item":
        return _list_item(doc, sent, idx, header_actor), False
    return cands, False


_EMBEDDED_WH_RE = re.compile(r"\b(?:how|what|whether|why|when|where|which)\s+$", _I)
# "sets out what the government should do", "explain what councils must do": a wh-word and
# a short subject just before the modal; an indirect question asks nothing of its subject
_INDIRECT_QUESTION_RE = re.compile(
    r"\b(?:how|what|whether|why|when|where|which)\s+(?:(?!(?:and|but|or)\b)[\w’'-]+\s+){1,4}$",
    _I,
)
# A bare verb just before "and", after "to"/a modal or a causative and its object
# ("let hygienists open and close ...", "to review and publish the data")
_BARE_VERB_BEFORE_RE = re.compile(
    r"(?:\b(?:to|should|must|can|could|will|would)\s+"
    r"|\b(?:let|lets|letting|help|helps|make|makes|allow|have)\s+(?:[\w’'-]+\s+){1,4})"
    r"(?P<verb>[a-z]+)\s*$"
)
_STOP_DOING_RE = re.compile(r"\s*stop\s+[a-z]+ing\b", _I)
_COORD_RE = re.compile(
    r"(,)?\s+and\s+(?:then\s+|also\s+|so\s+)?(?P<to>to\s+)?(?=(?P<word>[a-z][\w-]*)\b)"
)
# "book, move and cancel every appointment": a series of verbs sharing one object
_VERB_SERIES_RE = re.compile(r"\b[a-z]+,\s+(?P<verb>[a-z]+)\s*$")


def _ends_verb_series(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends in a series of bare verbs ("book, move") whose
    object comes after the "and" at ``end``: the verbs share it and make one ask."""
    series = _VERB_SERIES_RE.search(text, start, end)
    return series is not None and series["verb"] in BASE_VERBS


# After "and": a new clause with its own subject ("and staff cannot resign", "and local
# health boards must ..."), or a noun rather than a verb ("and support for carers", "and
# tax and fund farmers").
_SUBJECT_AFTER_RE = re.compile(
    r"[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?\s+(?:can|cannot|can['’]t|could|will|won['’]t|would"
    r"|should|must|may|might|is|are|was|were|has|have|had|do|does|did|don['’]t|doesn['’]t)\b"
    r"|[a-z][\w-]*\s*(?:,|\b(?:and|or|for|of|from|with|at|to)\b)",
    _I,
)
# A dependent clause opening in the tail cut off a span: an "and" after it joins its verbs.
_SUBORDINATE_RE = re.compile(
    r"\b(?:so\s+that|in\s+order\s+to|because|which|who|while|when|where|if|unless|until"
    r"|since|although|though)\b",
    _I,
)
_COORD_MIN_WORDS = 4
"""Without a comma, "A and B" splits only when A has this many words: "put Thames Water
into special administration this winter and keep it in public ownership" is two asks,
"think again and cap rises" or "go further and cut the charge" is one."""


# "I urge the Treasury to fund it and the regulator to publish ...": a second actor with
# its own infinitive, after an ask whose verb follows "to"
_SECOND_ACTOR_RE = re.compile(
    r",?\s+and\s+(?:for\s+)?(?P<actor>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Za-z][\w’'-]*){0,3}?"
    r"|(?:the\s+)?(?:ministers|government|regulator)|(?:the\s+|every\s+|all\s+)?"
    + _COLLECTIVE_ACTORS
    + r")\s+to\s+(?P<word>[a-z]+)\b"
)
_TO_BEFORE_RE = re.compile(r"\bto\s*$", _I)
# "work with Paris and Berlin to build a coalition": one partner list, not a second actor
_PARTNER_BEFORE_RE = re.compile(
    r"\b(?:with|between|among|from|alongside|and|to)\s+(?:the\s+)?[A-Z][\w’'-]*"
    r"(?:\s+[A-Z][\w’'-]*)*,?\s*$"
)


def _split_actors(doc: _Doc, cand: _Cand, pred_start: int) -> list[_Cand] | None:
    """Split "I urge A to do X and B to do Y" into an ask of A and an ask of B, or None."""
    if not _TO_BEFORE_RE.search(doc.text, max(0, pred_start - 8), pred_start):
        return None
    raw_end = max(cand.raw_end, cand.end)
    for m in _SECOND_ACTOR_RE.finditer(doc.text, max(pred_start, cand.start), raw_end):
        if m["word"] not in BASE_VERBS:
            continue
        if _SUBORDINATE_RE.search(doc.text, pred_start, m.start()):
            return None  # "... so that lenders can cut rates and the Bank to ...": not the ask
        if _PARTNER_BEFORE_RE.search(doc.text, pred_start, m.start()):
            return None
        s1, e1 = _finish_span(doc.text, cand.start, m.start())
        s2, e2 = _finish_span(doc.text, m.start("actor"), raw_end)
        if e1 <= s1 or e2 <= s2:
            return None
        verb_at = m.start("word")
        first = attrs.evolve(
            cand, end=e1, raw_end=e1, action=_shorten_action(doc.text[pred_start:e1])
        )
        second = attrs.evolve(
            cand,
            start=s2,
            end=e2,
            raw_end=raw_end,
            actor=_resolve_actor(m["actor"], doc),
            action=_shorten_action(doc.text[verb_at:e2]),
            cue="to",
            polarity=_polarity(False, doc.text[verb_at:e2]),
            link="",
        )
        return [
            *_split_coordinated(doc, first, pred_start),
            *_split_coordinated(doc, second, verb_at),
        ]
    return None


def _split_coordinated(doc: _Doc, cand: _Cand, pred_start: int) -> list[_Cand]:
    """Split "X should do A, and do B" (or "do A at length and do B") into two asks of the
    same actor, and "urge A to do X and B to do Y" into asks of A and B."""
    by_actor = _split_actors(doc, cand, pred_start)
    if by_actor is not None:
        return by_actor
    raw_end = max(cand.raw_end, cand.end)
    for m in _COORD_RE.finditer(doc.text, max(pred_start, cand.start), raw_end):
        if m["word"] not in BASE_VERBS:
            continue
        if m.group(1) is None and len(_words(doc.text[pred_start : m.start()])) < _COORD_MIN_WORDS:
            continue
        if _SUBJECT_AFTER_RE.match(doc.text, m.end()):
            continue  # "and staff cannot resign", "and support for carers": not a second verb
        if m.group(1) is None and _STOP_DOING_RE.match(doc.text, pred_start):
            continue  # "stop haggling over the fee and pay a fair price": one ask, put as a turn
        bare = _BARE_VERB_BEFORE_RE.search(doc.text, pred_start, m.start())
        if m.group(1) is None and bare is not None and bare.group("verb") in BASE_VERBS:
            continue  # "let therapists open and close courses": two verbs share one object
        if _ends_verb_series(doc.text, pred_start, m.start()):
            continue  # "let patients book, move and cancel appointments": one ask
        if m.start() > cand.end and _SUBORDINATE_RE.search(doc.text, cand.end, m.start()):
            continue  # "..., so that the plants can hire and invest": inside the cut tail
        s1, e1 = _finish_span(doc.text, cand.start, m.start())
        # "urge X to reopen talks and to put a deal on the table": the second keeps its "to"
        s2, e2 = _finish_span(doc.text, m.start("to") if m["to"] else m.end(), raw_end)
        if e1 <= s1 or e2 <= s2:
            break
        body = doc.text[s2:e2]
        first = attrs.evolve(cand, end=e1, action=_shorten_action(doc.text[pred_start:e1]))
        second = attrs.evolve(
            cand,
            start=s2,
            end=e2,
            raw_end=raw_end,
            action=_shorten_action(body),
            cue=m.group(0).strip(" ,"),
            polarity=_polarity(False, body),
            link="",
        )
        return [first, *_split_coordinated(doc, second, s2)]
    return [cand]


def _words(s: str) -> list[str]:
    return _WORD_RE.findall(s)


def _judge(
    doc: _Doc,
    sent: Sentence,
    idx: int,
    h: _Hit,
    *,
    ss: int | None,
    limit: int,
    prev_actor: str | None,
) -> _Cand | None:
    """Turn one hit into a candidate, or None when a trap filter fires."""
    st = sent.text
    pred = st[h.end : limit]
    conf = 0.9
    force = h.force
    cue = h.cue
    if h.kind == "modal":
        if ss is None:
            return None
        subject = st[ss : h.start]
        prefix = st[:ss]
        low_subj = _norm_space(subject).lower().strip(" ,")
        words = low_subj.split()
        first = words[0] if words else ""
        before = st[: h.start]
        modal_word = h.cue.split()[0].lower()
        if _IF_OPEN_RE.search(prefix + subject):
            return None  # "if ministers should ..."
        if _CONCESSION_RE.match(prefix):
            return None  # "Of course the Treasury must balance the books": granted, not asked
        bare = _TRAILING_ADVERB_RE.sub("", before)
        if _RELATIVE_BEFORE_RE.search(bare):
            cleft = _CLEFT_RE.search(bare)
            if cleft is None:
                return None  # "the head who has to defend it": a relative clause describes
            ss, subject = cleft.start(), cleft.group("actor")
            prefix = st[:ss]
            low_subj = _norm_space(subject).lower()
            words = low_subj.split()
            first = words[0] if words else ""
        if modal_word.startswith("need") or modal_word in ("has", "have", "'ve", "’ve", "had"):
            if _last_word(before) in _NEED_BLOCKERS:
                return None  # "the need to", "will have to", "don't need to"
            if _HAVE_TO_FRAME_RE.match(pred):
                return None  # "I have to say"
        if modal_word.startswith("need") and h.neg:
            return None  # "need not": not necessary
        if _reported(before) or _DENIED_IMPLICATION_RE.search(before):
            return None
        if _RELATIVE_END_RE.search(prefix):
            return None  # "the plan, which ministers must deliver, ...": inside a relative clause
        if _PERFECT_RE.match(pred):
            return None  # "should have acted", "must have known"
        if _EMOTIVE_RE.match(pred) or _STATIVE_RE.match(pred):
            return None  # "this should worry us", "we must never forget", "X has to mean Y"
        if first in ("i", "we") and _FIRST_PERSON_FRAME_PRED_RE.match(pred):
            return None  # "we must admit", "I should say"
        if low_subj in ("we all", "all of us") or (low_subj == "we" and _ALL_OF_US_RE.match(pred)):
            return None  # "we should all stop treating ...": everyone, not a government
        if words and words[-1] in ("what", "whatever", "whoever") and len(words) > 1:
            return None  # "Start with what must not move": a free relative, not an ask
        if first in ("be", "been", "being") or _ANY_OF_US_RE.search(low_subj):
            # "this could be the last release any of us has to defend": the modal sits in a
            # clause inside a verb phrase, and "any of us" is anyone, not an actor
            return None
        if modal_word == "must" and first != "there" and _MUST_BE_EPISTEMIC_RE.match(pred):
            return None  # "this must be frustrating"
        if h.force is not Force.SHOULD and _DESCRIPTIVE_OBLIGATION_RE.search(pred):
            return None  # "councils have to publish their accounts by law": a description
        if modal_word in ("have", "has") and _PRESENT_STATE_RE.match(prefix + subject):
            return None  # "At present parents have to apply through their school"
        if first in _NON_PERSON_SUBJECTS or first in _WH_WORDS or low_subj in _ABSTRACT_SUBJECTS:
            return None  # "nobody should ...", "what the Fed should do is unclear"
        if _ABLE_RE.match(pred):
            return None  # "every family should be able to ...": an aspiration
        if _MAXIM_RE.match(pred) or (
            first in ("a", "an") and _BE_RE.match(pred) and not _PASSIVE_RE.match(pred)
        ):
            return None  # "policy should be judged at the bus stop", "a prescription should
            # not be a gamble": a maxim about things in general, not an ask of anyone
        actor = _resolve_actor(subject, doc)
        be_pred = _BE_RE.match(pred) is not None
        if low_subj in _NON_ACTOR_SUBJECTS or (
            first in ("this", "that", "these", "those") and len(words) <= 3
        ):
            if first == "there" and _THERE_BE_RE.match(pred):
                conf, actor = 0.75, doc.default_actor  # "there must be an inquiry"
            elif (
                first in ("it", "they")
                and not be_pred
                and (referent := prev_actor or doc.antecedent(idx, prefix)) is not None
            ):
                actor = referent  # "the Department should X, and it must Y"; "Ofwat has ... It"
            elif _PASSIVE_RE.match(pred) and (
                first not in ("it", "they", "which", "what")
                or (first in ("it", "they") and not _IT_FRAME_RE.match(pred))
            ):
                conf, actor = 0.6, doc.default_actor
            else:
                return None
        elif first in ("it", "they", "he", "she"):
            if prev_actor is None:
                prev_actor = doc.antecedent(idx, prefix)
            if prev_actor is None or be_pred:
                return None
            actor = prev_actor
        if force is Force.COULD:
            if not _COULD_VERBS_RE.match(pred) or (
                actor not in _GOVERNMENTS and not subject.strip()[:1].isupper()
            ):
                return None
            if _COULD_BLOCK_RE.search(st):
                return None
            conf = 0.55
        if _BE_TO_PRED_RE.match(pred):
            pred = pred[_BE_TO_PRED_RE.match(pred).end() :]  # type: ignore[union-attr]
            actor = doc.default_actor
            start = h.end + (len(st[h.end : limit]) - len(pred))
            conf = 0.8
        else:
            start = ss
            if be_pred and actor not in _GOVERNMENTS:
                # "X should be banned" / "Israel should be no different": the actor is implicit
                actor = doc.default_actor
                conf = 0.6 if _PASSIVE_RE.match(pred) else 0.55
            elif _NON_AGENTIVE_RE.match(pred) and actor not in _GOVERNMENTS:
                return None  # "the money has to come from somewhere"
            elif _EVAL_PREDICATE_RE.match(pred) and not be_pred:
                conf = 0.75
        if h.neg and re.match(r"^\s*have\s+to\b", pred, _I):
            actor = (
                doc.default_actor
            )  # "customers shouldn't have to pay twice": an ask of government
        if len(words) > 10:
            conf -= 0.2
        if low_subj in ("we", "i", "britain") and modal_word.startswith("need"):
            cue = f"{low_subj} {h.cue}"
        neg = h.neg
    else:
        prefix = st[: h.start]
        if _reported(prefix) or _IF_OPEN_RE.search(prefix):
            return None
        if _EMOTIVE_RE.match(pred):
            return None
        actor = _resolve_actor(h.actor, doc) if h.actor else doc.default_actor
        start = h.start
        neg = h.neg  # "what ministers must not do is", "under no circumstances should"
        if h.kind == "be_to":
            # the span starts at a short head ("The answer is to restart the talks") or else
            # at the verb ("restart the talks")
            conf, start = 0.8, (h.start if h.keeps_cue else h.end)
        elif h.kind == "be_for":
            conf = 0.8  # the span keeps its actor: "the answer is for the Department to ..."
        elif h.kind == "need_np":
            conf = 0.7
        elif h.kind == "need_any":
            conf = 0.6  # "probation services need far more staff": government should supply it
        elif h.kind == "let_np":
            conf = 0.7  # "let the Union take ...": the Union acts; "let the deal stand": ministers
            head = _LET_DETERMINER_RE.sub("", h.actor or "")
            named = head[:1].isupper() or _COLLECTIVE_ACTOR_RE.match(head) is not None
            actor = _resolve_actor(h.actor or "", doc) if named else doc.default_actor
        elif h.kind == "let":
            conf, actor = 0.7, _resolve_actor("we", doc)
        elif h.kind in ("callfor", "whatneed"):
            conf = 0.75
        elif h.kind == "urge" and _reported(st[: h.start]):
            return None
    raw_start, raw_end = _strip_span(doc.text, sent.start + start, sent.start + limit)
    s, e = _finish_span(doc.text, raw_start, raw_end)
    if e <= s:
        return None
    return _Cand(
        s,
        e,
        sent.paragraph,
        idx,
        actor,
        _shorten_action(doc.text[max(s, sent.start + h.end) : e]),
        cue,
        force,
        _polarity(neg, pred),
        max(0.0, min(1.0, conf)),
        cue_kind=h.kind,
        raw_end=raw_end,
    )


_TRAILING_CONNECTIVE_RE = re.compile(
    # each repetition must end in a word, so the pattern cannot backtrack exponentially
    r"(?:[\s,;:–—-]+(?:and|but|or|while|whereas|yet|so|then)\b)*[\s,;:–—-]*$",
    _I,
)
_COULD_BLOCK_RE = re.compile(r"\b(?:if|unless|were|would|might)\b", _I)


def _imperative_at(st: str, pos: int) -> bool:
    m = _WORD_RE.match(st, pos)
    if m is None:
        return False
    w = m.group(0).lower()
    if w == "do":  # "Do not abolish ..."
        return re.match(r"\s+not\s", st[m.end() :]) is not None
    return w in BASE_VERBS or w in ("don't", "don’t", "never")


# "Ofcom: ...", and names written in camel case ("eSafety: ...", "iNaturalist: ...")
_ADDRESSEE_RE = re.compile(r"(?P<actor>(?:[A-Z]|[a-z]{1,2}[A-Z])[^:;,.!?]{0,50}?)\s*[:–—]\s+")
# A label that ends in a word for an actor: "Finance ministries:", "Energy regulators:"
# ("Finance" is also a verb, but the label names who is asked).
_ACTOR_HEAD_RE = re.compile(
    rf"(?:{_COLLECTIVE_ACTORS}|\b(?:ministr(?:y|ies)|ministers?|departments?|offices?"
    r"|agenc(?:y|ies)|regulators?|governments?|treasur(?:y|ies)|commission|councils?"
    r"|parliaments?|secretar(?:y|ies))\b)\s*$",
    re.IGNORECASE,
)
# A name of several capitalised words ("Build Canada Homes", "Great British Energy").
_NAME_RE = re.compile(r"[A-Z][\w’'&.-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w’'&.-]*)+")


_FUNCTION_WORDS = _wordset(
    """the a an this that these those it its we our their his her my your all some any no not
    to of in on at for from by with as and or but if is are was were be been has have had will
    would should must can could may might there here which who what when where how why"""
)


def _verb_like_at(st: str, pos: int) -> bool:
    """A lowercase word that can be a base-form verb ("lock" in "Schools: lock phones away")."""
    m = _WORD_RE.match(st, pos)
    if m is None:
        return False
    w = m.group(0)
    if w.lower() in BASE_VERBS:
        return True
    return (
        w.islower()
        and w not in _FUNCTION_WORDS
        and not w.endswith(("ing", "ed", "ly"))
        and (not w.endswith("s") or w.endswith("ss"))
    )


def _list_item(
    doc: _Doc, sent: Sentence, idx: int, header_actor: str | None, *, in_list: bool = True
) -> list[_Cand]:
    """Imperative list items ("1. Give the institute teeth.") and items under an ask header.

    A colon followed by another imperative splits the item into a lead-in and a concrete ask
    (the second restates the first); ", and <imperative>" splits coordinated asks.
    """
    st = sent.text
    if _QUESTION_END_RE.search(st) or _BOILERPLATE_RE.search(st):
        return []
    lead = _LEADING_CONNECTIVE_RE.match(st)
    off = lead.end() if lead is not None and lead.end() < len(st) else 0
    label = _POSTSCRIPT_RE.match(st, off) or _NUMBERED_LABEL_RE.match(st, off)
    off = label.end() if label is not None else off
    please = _PLEASE_RE.match(st, off)
    verb_at = please.end() if please is not None else off  # "Please publish ...": the verb
    civic = _CIVIC_RE.match(st, verb_at) is not None
    imperative = civic or _imperative_at(st, verb_at)
    actor = header_actor if header_actor is not None else doc.default_actor
    if civic and header_actor is None:
        actor = "readers"  # "Show up at the next planning meeting": the author asks readers
    split_from = off
    addressed = _ADDRESSEE_RE.match(st, off)
    if (
        imperative
        and addressed is not None
        and (
            _NAME_RE.fullmatch(addressed.group("actor")) is not None
            or " " not in addressed.group("actor").strip()
            or _ACTOR_HEAD_RE.search(addressed.group("actor")) is not None
        )
        and _verb_like_at(st, addressed.end())
    ):
        # "Build Canada Homes: publish ...", "Commission: publish ...": a name that opens
        # with a verb; a lone verb is not followed by a colon and another verb
        imperative = False
    if not imperative and addressed is not None and _verb_like_at(st, addressed.end()):
        # "Ofcom: issue the first fines ...": the addressee names the actor
        imperative = True
        actor = _resolve_actor(addressed.group("actor"), doc)
        split_from = addressed.end()
    if not imperative and header_actor is None:
        return []
    # split points: ": <verb>", ", and <verb>", "; <verb>"
    parts: list[tuple[int, int, str]] = []
    cur = off
    link = ""
    for m in _LIST_SPLIT_RE.finditer(st, split_from):
        if m.group(1).lower() not in BASE_VERBS:
            continue
        if ":" not in m.group(0) and _SAME_OBJECT_RE.match(st, m.end(1)):
            continue  # "put a levy on exports and spend it on ...": one ask about one thing
        if ":" not in m.group(0) and _ends_verb_series(st, split_from, m.start()):
            continue  # "let patients book, move and cancel appointments": one ask
        parts.append((cur, m.start(), link))
        link = "previous" if ":" in m.group(0) else ""
        cur = m.end()
    parts.append((cur, len(st), link))
    out: list[_Cand] = []
    for a, b, lk in parts:
        s, e = _finish_span(doc.text, sent.start + a, sent.start + b)
        if e <= s:
            continue
        body = doc.text[s:e]
        if a == off and split_from > off:
            body = st[split_from:b]
        first = body.split()[0]
        neg = first.lower() in ("don't", "don’t", "never") or body.lower().startswith("do not")
        out.append(
            _Cand(
                s,
                e,
                sent.paragraph,
                idx,
                actor,
                _shorten_action(body),
                first if imperative else "list item",
                Force.SHOULD,
                _polarity(neg, body),
                (0.85 if in_list else 0.7) if imperative else 0.6,
                link=lk,
                in_list=in_list,
                cue_kind="list" if in_list else "imperative",
            )
        )
    return out


def _colon_ask(doc: _Doc, sent: Sentence, idx: int, colon: re.Match[str]) -> _Cand:
    """ "My ask of the Chancellor is simple: scrap the cap": the whole sentence, the
    imperative after the colon as its action, the actor from "of/to/for X" if named."""
    named = colon.group("actor")
    actor = _resolve_actor(named, doc) if named else doc.default_actor
    return _after_colon(doc, sent, idx, colon, actor, whole=True, conf=0.75)


def _label_ask(doc: _Doc, sent: Sentence, idx: int, label: re.Match[str]) -> _Cand:
    """ "No more delays: publish the plan": the imperative after the label, asked of the
    addressee of the ask before it, if any."""
    actor = doc.previous_actor(idx) or doc.default_actor
    return _after_colon(doc, sent, idx, label, actor, whole=False, conf=0.7)


def _after_colon(
    doc: _Doc,
    sent: Sentence,
    idx: int,
    colon: re.Match[str],
    actor: str,
    *,
    whole: bool,
    conf: float,
) -> _Cand:
    """An imperative after ``colon`` (a match ending at it); the span is the whole sentence
    or only the imperative."""
    s, e = _finish_span(doc.text, sent.start + (0 if whole else colon.end()), sent.end)
    body = doc.text[sent.start + colon.end() : e]
    return _Cand(
        s,
        e,
        sent.paragraph,
        idx,
        actor,
        _shorten_action(body),
        sent.text[: colon.end()].strip(),
        Force.SHOULD,
        _polarity(False, body),
        conf,
        cue_kind="colon",
    )


def _means(doc: _Doc, sent: Sentence, idx: int, mm: re.Match[str]) -> list[_Cand]:
    """ "That means directly acknowledging ...": a concrete restatement of the previous ask."""
    st = sent.text
    s, e = _strip_span(doc.text, sent.start + mm.end(), sent.end)
    s, e = _trim_tail(doc.text, s, e)
    if e <= s:
        return []
    pred = st[mm.end() :]
    return [
        _Cand(
            s,
            e,
            sent.paragraph,
            idx,
            "",
            _shorten_action(pred),
            mm.group(0).strip(),
            Force.SHOULD,
            _polarity(False, pred),
            0.7,
            link="previous",
            cue_kind="means",
        )
    ]


# =============================================================================================
# public API


def segment(text: str) -> list[Recommendation]:
    """Return the author's recommendations in ``text``, in document order.

    Spans never overlap and are sorted. ``restates`` links a concrete ask to the lead-in it
    makes concrete (see ``docs/segmentation.md``).

    Raises:
        InputError: ``text`` is not a ``str`` (for example ``bytes``).
        EmptyTextError: ``text`` is empty or whitespace only.
    """
    if not isinstance(text, str):
        raise InputError(f"expected str, got {type(text).__name__}")
    original, text = text, invisible_as_spaces(text)
    if not text.strip():
        raise EmptyTextError("text is empty or whitespace only")
    doc = _Doc(text)
    doc.sentences = sentence_spans(text)
    cands: list[_Cand] = []
    header_actor: str | None = None
    for i, sent in enumerate(doc.sentences):
        if sent.kind == "heading":
            header_actor = None
            continue
        if sent.kind != "list_item":
            header_actor = None
        found, is_header = _analyse(doc, sent, i, header_actor)
        if is_header:
            header_actor = _header_actor(sent.text, doc)
            continue
        for c in found:
            if cands and c.start < cands[-1].end:
                continue
            cands.append(c)
            doc.last = c
    return _finalise(original, cands)


def _header_actor(st: str, doc: _Doc) -> str:
    for h in _find_hits(st, _quote_mask(st)):
        if h.kind == "modal":
            ss = _subject_start(st, 0, h.start, first_region=True)
            if ss is not None:
                return _resolve_actor(st[ss : h.start], doc)
        if h.actor:
            return _resolve_actor(h.actor, doc)
    return doc.default_actor


def _is_vague(c: _Cand) -> bool:
    """A lead-in such as "we need to start at home": a modal ask with a very short action."""
    return c.cue_kind == "modal" and len(c.action.split()) <= _VAGUE_MAX_WORDS


def _finalise(text: str, cands: Sequence[_Cand]) -> list[Recommendation]:
    """Resolve ``restates`` links and build the public objects.

    * ``link == "previous"`` ("That means ...", "<lead-in>: <concrete>") restates the ask just
      before it (within a few sentences), and inherits its actor when it has none.
    * a vague lead-in (an action of at most four words, outside lists: "we need to start at
      home", "Israel should be no different") is restated by the later asks of the same actor
      in the next two sentences.
    """
    kept: list[_Cand] = []
    links: list[int | None] = []
    for c in cands:
        restates: int | None = None
        if c.link == "previous":
            # "That means ..." restates an ask of its own paragraph or a vague lead-in ("we
            # need to start at home."); "None of this requires new law. It requires a
            # Commission that ..." in a new paragraph after a concrete ask restates nothing
            near = bool(kept) and c.sent_index - kept[-1].sent_index <= _RESTATE_WINDOW
            if (
                near
                and c.cue_kind == "means"
                and kept[-1].paragraph != c.paragraph
                and not _is_vague(kept[-1])
            ):
                near = False
            if near:
                restates = len(kept) - 1
                if not c.actor:
                    c.actor = kept[-1].actor
            elif not c.actor:
                continue  # "That means ..." with nothing before it is not an ask
        elif not c.in_list and not _is_vague(c):
            for j in range(len(kept) - 1, -1, -1):
                prev = kept[j]
                if c.sent_index - prev.sent_index > 2:
                    break
                if (
                    prev.sent_index < c.sent_index
                    and not prev.in_list
                    and _is_vague(prev)
                    and prev.actor == c.actor
                ):
                    restates = j
                    break
        kept.append(c)
        links.append(restates)
    return [
        Recommendation(
            text=text[c.start : c.end],
            start=c.start,
            end=c.end,
            paragraph=c.paragraph,
            actor=c.actor,
            action=c.action,
            cue=c.cue,
            force=c.force,
            polarity=c.polarity,
            confidence=round(c.confidence, 3),
            restates=link,
        )
        for c, link in zip(kept, links, strict=True)
    ]

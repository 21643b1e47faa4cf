"""A small table of Korean news outlets: web domain -> outlet name (general knowledge).

Used to name the outlet of a page from a reporter's e-mail address or a URL when the page does not print the
outlet's name, and to recognise an outlet's name in a dateline such as "(서울=연합뉴스)".
"""
from __future__ import annotations

import re

DOMAIN_OUTLETS: dict[str, str] = {
    # national dailies and wires
    "chosun.com": "조선일보",
    "joongang.co.kr": "중앙일보",
    "joins.com": "중앙일보",
    "donga.com": "동아일보",
    "hani.co.kr": "한겨레",
    "khan.co.kr": "경향신문",
    "kmib.co.kr": "국민일보",
    "seoul.co.kr": "서울신문",
    "segye.com": "세계일보",
    "munhwa.com": "문화일보",
    "hankookilbo.com": "한국일보",
    "naeil.com": "내일신문",
    "yna.co.kr": "연합뉴스",
    "yonhapnews.co.kr": "연합뉴스",
    "newsis.com": "뉴시스",
    "news1.kr": "뉴스1",
    "nocutnews.co.kr": "노컷뉴스",
    "ohmynews.com": "오마이뉴스",
    "pressian.com": "프레시안",
    "newspim.com": "뉴스핌",
    "korea.kr": "정책브리핑",
    # business and IT papers
    "hankyung.com": "한국경제",
    "mk.co.kr": "매일경제",
    "sedaily.com": "서울경제",
    "mt.co.kr": "머니투데이",
    "edaily.co.kr": "이데일리",
    "fnnews.com": "파이낸셜뉴스",
    "heraldcorp.com": "헤럴드경제",
    "asiae.co.kr": "아시아경제",
    "ajunews.com": "아주경제",
    "etnews.com": "전자신문",
    "dt.co.kr": "디지털타임스",
    "zdnet.co.kr": "지디넷코리아",
    "inews24.com": "아이뉴스24",
    "ddaily.co.kr": "디지털데일리",
    "bloter.net": "블로터",
    "dnews.co.kr": "대한경제",
    "wowtv.co.kr": "한국경제TV",
    "sbscnbc.co.kr": "SBS Biz",
    # broadcasters
    "kbs.co.kr": "KBS",
    "imbc.com": "MBC",
    "sbs.co.kr": "SBS",
    "ytn.co.kr": "YTN",
    "jtbc.co.kr": "JTBC",
    "ichannela.com": "채널A",
    "mbn.co.kr": "MBN",
    "tvchosun.com": "TV조선",
    "obsnews.co.kr": "OBS",
    "tbs.seoul.kr": "TBS",
    # regional dailies
    "busan.com": "부산일보",
    "kookje.co.kr": "국제신문",
    "imaeil.com": "매일신문",
    "yeongnam.com": "영남일보",
    "idaegu.com": "대구신문",
    "kyongbuk.co.kr": "경북일보",
    "kbmaeil.com": "경북매일",
    "ksilbo.co.kr": "경상일보",
    "iusm.co.kr": "울산매일",
    "knnews.co.kr": "경남신문",
    "idomin.com": "경남도민일보",
    "gnnews.co.kr": "경남일보",
    "kwnews.co.kr": "강원일보",
    "kado.net": "강원도민일보",
    "daejonilbo.com": "대전일보",
    "cctoday.co.kr": "충청투데이",
    "ggilbo.com": "금강일보",
    "inews365.com": "충북일보",
    "ccdn.co.kr": "충청일보",
    "jbnews.com": "중부매일",
    "jjan.kr": "전북일보",
    "jjn.co.kr": "전라일보",
    "domin.co.kr": "전북도민일보",
    "kwangju.co.kr": "광주일보",
    "kjdaily.com": "광주매일신문",
    "jnilbo.com": "전남일보",
    "namdonews.com": "남도일보",
    "mdilbo.com": "무등일보",
    "jejunews.com": "제주일보",
    "ihalla.com": "한라일보",
    "jemin.com": "제민일보",
    "kyeonggi.com": "경기일보",
    "joongboo.com": "중부일보",
    "incheonilbo.com": "인천일보",
    "kihoilbo.co.kr": "기호일보",
}

OUTLET_NAMES: frozenset[str] = frozenset(DOMAIN_OUTLETS.values())

_DOMAIN_RE = re.compile(r"(?:[\w-]+\.)+[a-z]{2,}", re.IGNORECASE)


def outlet_for_domain(domain: str) -> str | None:
    """The outlet behind ``domain`` (sub-domains allowed: m.etnews.com -> 전자신문), or None."""
    domain = domain.lower().strip().strip(".")
    parts = domain.split(".")
    for i in range(len(parts) - 1):
        name = DOMAIN_OUTLETS.get(".".join(parts[i:]))
        if name:
            return name
    return None


def outlet_in_text(text: str) -> str | None:
    """The first known outlet whose domain appears in ``text`` (an e-mail address or URL)."""
    for m in _DOMAIN_RE.finditer(text):
        name = outlet_for_domain(m.group(0))
        if name:
            return name
    return None

# bash completion for flashfix(1).  Installed where bash-completion looks
# (pkg-config's completionsdir); each command completes its own options,
# the values of --platform, --format and --lang (as --format F or
# --format=F), directories for --data and --state-dir, files for --records
# and --output (names with spaces whole, directories with their slash),
# the recorded session ids for report and the unfinished ones for
# --resume=.

_flashfix_commands="lookup scan check history report stats export"
_flashfix_common="--data --state-dir --records --no-cache --lang --no-color --ascii --help --version"
# The options that take a value as their next word (or after =).
_flashfix_valued="--data --state-dir --records --lang --engineer --model --serial --limit --platform --format --output --since --after"
# At most this many session ids are offered: a shop's years of records
# must not hold the shell up.
_flashfix_max_ids=200

# The options of command $1 ("" for the wizard).
_flashfix_options() {
	case $1 in
	"") echo "--plain --engineer --model --serial --resume" ;;
	lookup) echo "--json --limit --platform" ;;
	scan) echo "--json --platform --follow --exit-on-error" ;;
	check) ;;
	history) echo "--json" ;;
	report) echo "--format --output --force --last" ;;
	stats) echo "--json --since" ;;
	export) echo "--steps --since --format --after" ;;
	esac
}

# COMPREPLY from compgen's lines (names with spaces stay whole); file
# names then get readline's quoting and directories their slash.
_flashfix_lines() { # FILES(0|1) COMPGEN-ARGS...
	local IFS=$'\n' files=$1
	shift
	COMPREPLY=($(compgen "$@"))
	[ "$files" = 1 ] && compopt -o filenames 2>/dev/null
	return 0
}

# The recorded session ids that start with $1, newest first, from the
# records the command line names (the rest of the arguments).
_flashfix_ids() {
	local cur=$1 limit=()
	shift
	# And never longer than a few seconds, whatever the records' disk.
	type timeout >/dev/null 2>&1 && limit=(timeout 5)
	_flashfix_lines 0 -W "$("${limit[@]}" flashfix "$@" history 2>/dev/null |
		awk -v p="$cur" -v max="$_flashfix_max_ids" \
			'index($1, p) == 1 { print $1; if (++n >= max) exit }')" -- "$cur"
}

# The unfinished sessions that start with $1: STATE/sessions/ID.csv, STATE
# found as flashfix finds it (--state-dir, FLASHFIX_STATE_DIR,
# XDG_STATE_HOME/flashfix, ~/.local/state/flashfix).
_flashfix_unfinished() { # CUR STATE-DIR-OR-EMPTY
	local dir=$2 f ids=()
	if [ -z "$dir" ]; then
		if [ -n "${FLASHFIX_STATE_DIR:-}" ]; then
			dir=$FLASHFIX_STATE_DIR
		elif [[ ${XDG_STATE_HOME:-} == /* ]]; then
			dir=$XDG_STATE_HOME/flashfix
		elif [[ ${HOME:-} == /* ]]; then
			dir=$HOME/.local/state/flashfix
		fi
	fi
	[ -n "$dir" ] && [ -d "$dir/sessions" ] || return 0
	for f in "$dir/sessions/$1"*.csv; do
		[ -f "$f" ] || continue
		f=${f##*/}
		ids+=("${f%.csv}")
	done
	COMPREPLY=("${ids[@]}")
}

# COMPREPLY for the value CUR of option OPT of command CMD; false when OPT
# takes no value.
_flashfix_value() { # OPT CUR CMD STATE-DIR
	local opt=$1 cur=$2
	case $opt in
	--data | --state-dir) _flashfix_lines 1 -d -- "$cur" ;;
	--records | --output) _flashfix_lines 1 -f -- "$cur" ;;
	--platform) COMPREPLY=($(compgen -W "mtk qcom" -- "$cur")) ;;
	--lang) COMPREPLY=($(compgen -W "en zh both" -- "$cur")) ;;
	--format)
		if [ "$3" = export ]; then
			COMPREPLY=($(compgen -W "csv jsonl" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "text markdown json csv" -- "$cur"))
		fi
		;;
	--resume) _flashfix_unfinished "$cur" "$4" ;;
	--engineer | --model | --serial | --limit | --since | --after) ;;
	*) return 1 ;;
	esac
	return 0
}

_flashfix() {
	local cur prev cmd="" i w v statedir="" n
	local -a where=()
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}

	# The command word, and the options that say where the records are
	# (report's ids are read from them).  bash splits --opt=value at the
	# "=" when "=" is in COMP_WORDBREAKS: --opt, "=", value.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		v=
		case $w in
		--*=*) v=${w#*=} w=${w%%=*} ;;
		-*)
			if [ "${COMP_WORDS[i + 1]}" = "=" ] && ((i + 2 <= COMP_CWORD)); then
				((i += 2))
				v=${COMP_WORDS[i]}
			elif [[ " $_flashfix_valued " == *" $w "* ]] && ((i + 1 < COMP_CWORD)); then
				((i++))
				v=${COMP_WORDS[i]}
			fi
			;;
		*) [ -z "$cmd" ] && cmd=$w ;;
		esac
		[[ $v == "~/"* ]] && v=$HOME/${v#"~/"}
		case $w in
		--state-dir) where+=("$w=$v") statedir=$v ;;
		--records) where+=("$w=$v") ;;
		esac
	done

	# A value: "--opt value", "--opt=value" as one word, or "--opt = value".
	case $cur in
	--*=*)
		w=${cur%%=*}
		_flashfix_value "$w" "${cur#*=}" "$cmd" "$statedir" || return 0
		# The whole word is replaced: each answer keeps its option.
		for n in "${!COMPREPLY[@]}"; do
			COMPREPLY[n]="$w=${COMPREPLY[n]}"
		done
		return 0
		;;
	esac
	if [ "$cur" = "=" ]; then
		_flashfix_value "$prev" "" "$cmd" "$statedir" && return 0
	elif [ "$prev" = "=" ] && ((COMP_CWORD >= 3)); then
		_flashfix_value "${COMP_WORDS[COMP_CWORD - 2]}" "$cur" "$cmd" "$statedir" && return 0
	elif [ "$prev" != --resume ]; then
		# --resume takes its ID only after "=".
		_flashfix_value "$prev" "$cur" "$cmd" "$statedir" && return 0
	fi

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$_flashfix_common $(_flashfix_options "$cmd")" -- "$cur"))
		return 0
	fi
	case $cmd in
	"") COMPREPLY=($(compgen -W "$_flashfix_commands" -- "$cur")) ;;
	report) _flashfix_ids "$cur" "${where[@]}" ;;
	check) _flashfix_lines 1 -d -- "$cur" ;;
	scan) _flashfix_lines 1 -f -- "$cur" ;;
	esac
	return 0
}
complete -F _flashfix flashfix

# bash completion for flashfix(1).  Installed where bash-completion looks
# (pkg-config's completionsdir); each command completes its own options,
# the values of --platform, --format and --lang, directories for --data
# and --state-dir, files for --records and --output, and the recorded
# session ids for report.

_flashfix_commands="lookup scan check history report stats export"
_flashfix_common="--data --state-dir --records --no-cache --lang --no-color --ascii --help --version"

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

_flashfix() {
	local cur prev cmd="" i w
	local -a state=()
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}

	# The command word, and the options that say where the records are
	# (report's ids are read from them).
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		--data | --state-dir | --records | --lang | --engineer | --model | \
			--serial | --limit | --platform | --format | --output | --since | --after)
			case $w in --state-dir | --records) state+=("$w" "${COMP_WORDS[i + 1]}") ;; esac
			((i++))
			;;
		--state-dir=* | --records=*) state+=("$w") ;;
		-*) ;;
		*) [ -z "$cmd" ] && cmd=$w ;;
		esac
	done

	case $prev in
	--data | --state-dir)
		COMPREPLY=($(compgen -d -- "$cur"))
		return
		;;
	--records | --output)
		COMPREPLY=($(compgen -f -- "$cur"))
		return
		;;
	--platform)
		COMPREPLY=($(compgen -W "mtk qcom" -- "$cur"))
		return
		;;
	--lang)
		COMPREPLY=($(compgen -W "en zh both" -- "$cur"))
		return
		;;
	--format)
		if [ "$cmd" = export ]; then
			COMPREPLY=($(compgen -W "csv jsonl" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "text markdown json csv" -- "$cur"))
		fi
		return
		;;
	--engineer | --model | --serial | --limit | --since | --after)
		return
		;;
	esac

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$_flashfix_common $(_flashfix_options "$cmd")" -- "$cur"))
		return
	fi
	case $cmd in
	"") COMPREPLY=($(compgen -W "$_flashfix_commands" -- "$cur")) ;;
	report)
		COMPREPLY=($(compgen -W "$(flashfix "${state[@]}" history 2>/dev/null |
			awk '{ print $1 }')" -- "$cur"))
		;;
	check) COMPREPLY=($(compgen -d -- "$cur")) ;;
	scan) COMPREPLY=($(compgen -f -- "$cur")) ;;
	esac
}
complete -F _flashfix flashfix
